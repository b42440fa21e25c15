/**
 * The dialogs' common form: {@link org.certbench.ui.dialogs.FormDialog}, label/field rows under a title area whose
 * error line says in words what is wrong, with OK enabled only when nothing is.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.certbench.ui.dialogs;
