/**
 * The progress of the window's long work: a line for the bottom of the window showing the running user Job, its
 * progress and a Cancel that cancels it ({@link org.certbench.ui.progress.ProgressLine}).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.certbench.ui.progress;
