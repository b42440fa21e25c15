package org.certbench.app.internal.issuers;

import org.certbench.app.internal.Messages;
import org.certbench.core.WidgetIds;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Show: one issuer's description, kinds and CA certificates (subject, fingerprint, validity), to read and copy. */
final class IssuerDetailsDialog extends Dialog {

    static final String TEXT_ID = "issuers.details"; //$NON-NLS-1$

    private final IssuerLine line;

    IssuerDetailsDialog(Shell parent, IssuerLine line) {
        super(parent);
        this.line = line;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(NLS.bind(Messages.Issuers_detailsTitle, line.issuer().name()));
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Text text = new Text(area, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        text.setData(WidgetIds.KEY, TEXT_ID);
        text.setText(line.details());
        GridDataFactory.fillDefaults().grab(true, true).hint(620, 260).applyTo(text);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
