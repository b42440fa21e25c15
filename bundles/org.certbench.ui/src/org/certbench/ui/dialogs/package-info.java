/**
 * The dialogs' common form: {@link org.certbench.ui.dialogs.FormDialog}, label/field rows under a title area whose
 * error line says in words what is wrong, with OK enabled only when nothing is; and, since 1.1,
 * {@link org.certbench.ui.dialogs.TextToCopyDialog}, what a command wrote and the text to copy from it into another
 * program, every line readable whole.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.certbench.ui.dialogs;
