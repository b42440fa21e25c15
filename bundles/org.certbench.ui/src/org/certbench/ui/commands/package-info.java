/**
 * The push buttons a view keeps for its commands (the seeds' labels, e.g. "Reload"): each runs its command's
 * handler and is enabled when that handler can run on the view's selection.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.certbench.ui.commands;
