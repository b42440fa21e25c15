package org.certbench.agents.ui.internal;

import org.certbench.core.WidgetIds;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The wizard pages' shared field rows (label, text, optional Browse) on a three-column grid. */
final class PageFields {

    private PageFields() {
    }

    static Text text(Composite page, String label, String id) {
        new Label(page, SWT.NONE).setText(label);
        Text text = new Text(page, SWT.BORDER);
        text.setData(WidgetIds.KEY, id);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(text);
        return text;
    }

    static Text directory(Composite page, String label, String id) {
        new Label(page, SWT.NONE).setText(label);
        Text text = new Text(page, SWT.BORDER);
        text.setData(WidgetIds.KEY, id);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
        Button browse = new Button(page, SWT.PUSH);
        browse.setText(Messages.Wizard_browse);
        browse.addListener(SWT.Selection, event -> {
            String chosen = new DirectoryDialog(page.getShell()).open();
            if (chosen != null) {
                text.setText(chosen);
            }
        });
        return text;
    }

    static Text file(Composite page, String label, String id) {
        new Label(page, SWT.NONE).setText(label);
        Text text = new Text(page, SWT.BORDER);
        text.setData(WidgetIds.KEY, id);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
        Button browse = new Button(page, SWT.PUSH);
        browse.setText(Messages.Wizard_browse);
        browse.addListener(SWT.Selection, event -> {
            FileDialog dialog = new FileDialog(page.getShell(), SWT.OPEN);
            dialog.setFilterExtensions(new String[] { "*.crt;*.cer;*.pem;*.der", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
            String chosen = dialog.open();
            if (chosen != null) {
                text.setText(chosen);
            }
        });
        return text;
    }

    static Button action(Composite page, String label, String id) {
        Button button = new Button(page, SWT.PUSH);
        button.setText(label);
        button.setData(WidgetIds.KEY, id);
        return button;
    }
}
