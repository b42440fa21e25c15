/**
 * What a view's commands share: the push buttons it keeps for its commands (the seeds' labels, e.g. "Reload"), each
 * running its command's handler and enabled when that handler can run on the view's selection
 * ({@link org.certbench.ui.commands.CommandButtons}), and Ctrl+C, the rows as text on the clipboard
 * ({@link org.certbench.ui.commands.CopyText}).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.certbench.ui.commands;
