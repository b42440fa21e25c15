package org.certbench.ui.dialogs;

import org.certbench.ui.FieldRows;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Widget;

/**
 * A dialog of label/field rows ({@link FieldRows}) under a title area: the subclass makes its rows and says what is
 * wrong with them in words ({@link #problem()}); the error line shows that once the administrator has changed a
 * field, and OK is enabled only when nothing is wrong. What can only be checked on OK (files read, a server asked)
 * stays in the subclass's {@code okPressed}, which reports through {@link #setErrorMessage(String)}.
 */
public abstract class FormDialog extends TitleAreaDialog {

    private final String title;
    private final String message;
    private boolean changed;

    /**
     * A dialog titled {@code title} (window and title area) with {@code message} under the title.
     *
     * @param parent  the parent shell
     * @param title   the window's and the title area's title
     * @param message the help text under the title
     */
    protected FormDialog(Shell parent, String title, String message) {
        super(parent);
        this.title = title;
        this.message = message;
    }

    /**
     * Makes the rows of the form, on a grid of {@link #columns()} columns.
     *
     * @param form the composite the rows go in
     */
    protected abstract void createRows(Composite form);

    /** {@return what is wrong with the fields now, in words, or {@code null} when OK may be pressed} */
    protected abstract String problem();

    /** {@return the number of grid columns of the form: 2 (label, field), 3 when a row has a Browse button} */
    protected int columns() {
        return 2;
    }

    /**
     * Checks the form again whenever one of {@code fields} changes (text typed, a choice made).
     *
     * @param fields text fields, combos, buttons
     */
    protected final void checkOnChange(Widget... fields) {
        for (Widget field : fields) {
            field.addListener(SWT.Modify, event -> changed());
            field.addListener(SWT.Selection, event -> changed());
        }
    }

    /** Shows {@link #problem()} in the error line and enables OK only when there is none. */
    protected final void check() {
        String problem = problem();
        if (changed) {
            setErrorMessage(problem);
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem == null);
        }
    }

    private void changed() {
        changed = true;
        check();
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(title);
        setMessage(message);
        Composite area = (Composite) super.createDialogArea(parent);
        createRows(FieldRows.form(area, columns()));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        // at first OK only waits for what is missing; the error line speaks once something was changed
        check();
    }
}
