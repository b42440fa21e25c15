/**
 * What a view's commands share: the push buttons it keeps for its commands (the seeds' labels, e.g. "Reload"), each
 * running its command's handler and enabled when that handler can run on the view's selection
 * ({@link org.certbench.ui.commands.CommandButtons}), and Ctrl+C, the rows as text on the clipboard
 * ({@link org.certbench.ui.commands.CopyText}), and how a command that needs no selection runs from any view: its view
 * brought to the front first ({@link org.certbench.ui.commands.ViewInFront}, since 1.1).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.certbench.ui.commands;
