package org.certbench.example.haproxy.ui.internal;

import org.certbench.core.WidgetIds;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * What was written for HAProxy, and the lines of haproxy.cfg that use it, in a field the administrator selects and
 * copies.
 */
public final class ConfigLinesDialog extends TitleAreaDialog {

    /** The field holding the lines of haproxy.cfg. */
    public static final String LINES_ID = "haproxy.config.lines"; //$NON-NLS-1$

    private final String title;
    private final String written;
    private final String explanation;
    private final String lines;

    ConfigLinesDialog(Shell parent, String title, String written, String explanation, String lines) {
        super(parent);
        this.title = title;
        this.written = written;
        this.explanation = explanation;
        this.lines = lines;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(title);
        setMessage(written);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(body);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        Label explain = new Label(body, SWT.WRAP);
        explain.setText(explanation);
        GridDataFactory.fillDefaults().grab(true, false).hint(640, SWT.DEFAULT).applyTo(explain);
        Text config = new Text(body, SWT.BORDER | SWT.READ_ONLY | SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL);
        config.setText(lines);
        config.setData(WidgetIds.KEY, LINES_ID);
        config.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
        GridDataFactory.fillDefaults().grab(true, true).hint(640, 120).applyTo(config);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
