package org.certbench.ui;

import java.util.function.Function;

import org.certbench.core.WidgetIds;
import org.certbench.ui.internal.Messages;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * The rows of a form on a {@code GridLayout}: a label, then a text field over the rest of the row, or a text field
 * and a Browse button for a file or directory (those need a grid of at least three columns). Each field is named
 * for UI tests ({@link WidgetIds#KEY}) and is wide enough for a path.
 */
public final class FieldRows {

    private static final int TEXT_WIDTH = 380;

    private FieldRows() {
    }

    /** A form filling {@code parent}, on a grid of {@code columns} columns, for these rows. */
    public static Composite form(Composite parent, int columns) {
        Composite form = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        GridLayoutFactory.swtDefaults().numColumns(columns).applyTo(form);
        return form;
    }

    /** A label and a text field filling the rest of the row. */
    public static Text text(Composite form, String label, String id, String value) {
        new Label(form, SWT.NONE).setText(label);
        Text text = field(form, id, columns(form) - 1);
        text.setText(value);
        return text;
    }

    /** A label, a text field and Browse, which offers files with the given extensions ("*.crt;*.pem"), then all. */
    public static Text file(Composite form, String label, String id, String extensions) {
        return chooser(form, label, id, shell -> {
            FileDialog dialog = new FileDialog(shell, SWT.OPEN);
            dialog.setFilterExtensions(new String[] { extensions, "*" }); //$NON-NLS-1$
            return dialog.open();
        });
    }

    /** A label, a text field and Browse, which offers directories. */
    public static Text directory(Composite form, String label, String id) {
        return chooser(form, label, id, shell -> new DirectoryDialog(shell).open());
    }

    private static Text chooser(Composite form, String label, String id, Function<Shell, String> choose) {
        new Label(form, SWT.NONE).setText(label);
        Text text = field(form, id, columns(form) - 2);
        Button browse = new Button(form, SWT.PUSH);
        browse.setText(Messages.Field_browse);
        browse.setData(WidgetIds.KEY, id + ".browse"); //$NON-NLS-1$
        browse.addListener(SWT.Selection, event -> {
            String chosen = choose.apply(form.getShell());
            if (chosen != null) {
                text.setText(chosen);
            }
        });
        return text;
    }

    private static Text field(Composite form, String id, int span) {
        Text text = new Text(form, SWT.BORDER);
        text.setData(WidgetIds.KEY, id);
        GridDataFactory.fillDefaults().grab(true, false).span(Math.max(1, span), 1).hint(TEXT_WIDTH, SWT.DEFAULT)
                .applyTo(text);
        return text;
    }

    private static int columns(Composite form) {
        return form.getLayout() instanceof org.eclipse.swt.layout.GridLayout grid ? grid.numColumns : 2;
    }
}
