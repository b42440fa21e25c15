package org.certbench.app.internal.issuers;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;

import org.certbench.app.internal.Messages;
import org.certbench.core.WidgetIds;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.Issuers;
import org.certbench.ui.Buttons;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Add command issuer…: a name, the CA certificate file the program's certificates chain to, and the program line
 * (split into arguments without a shell). The service checks and stores it; its refusals stay on this dialog.
 */
final class AddCommandIssuerDialog extends TitleAreaDialog {

    static final String NAME_ID = "issuers.command.name"; //$NON-NLS-1$
    static final String CA_ID = "issuers.command.ca"; //$NON-NLS-1$
    static final String PROGRAM_ID = "issuers.command.program"; //$NON-NLS-1$

    private final Issuers issuers;
    private Text name;
    private Text caFile;
    private Text program;
    private Issuer added;

    AddCommandIssuerDialog(Shell parent, Issuers issuers) {
        super(parent);
        this.issuers = issuers;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Issuers_addCommandTitle);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    /** The message wraps at this width instead of widening the dialog past the window. */
    @Override
    protected Point getInitialSize() {
        Point size = super.getInitialSize();
        return new Point(Math.min(size.x, 720), size.y);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.Issuers_addCommandTitle);
        setMessage(Messages.Issuers_addCommandMessage);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(body);
        name = field(body, Messages.Issuers_nameLabel, NAME_ID, 2);
        caFile = field(body, Messages.Issuers_caFileLabel, CA_ID, 1);
        Buttons.push(body, Messages.Issuers_browse, "issuers.command.browse", this::browse); //$NON-NLS-1$
        program = field(body, Messages.Issuers_programLabel, PROGRAM_ID, 2);
        program.setMessage("openssl x509 -req -in {csr} -CA ca.pem -CAkey ca.key -out {cert} -days 90"); //$NON-NLS-1$
        return area;
    }

    private static Text field(Composite body, String label, String id, int span) {
        new Label(body, SWT.NONE).setText(label);
        Text text = new Text(body, SWT.BORDER | SWT.SINGLE);
        text.setData(WidgetIds.KEY, id);
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).hint(460, SWT.DEFAULT).applyTo(text);
        return text;
    }

    private void browse() {
        FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] { "*.pem;*.crt;*.der", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
        String chosen = dialog.open();
        if (chosen != null) {
            caFile.setText(chosen);
        }
    }

    @Override
    protected void okPressed() {
        String issuerName = name.getText().strip();
        String ca = caFile.getText().strip();
        if (issuerName.isEmpty()) {
            setErrorMessage(Messages.Issuers_nameMissing);
            return;
        }
        if (ca.isEmpty()) {
            setErrorMessage(Messages.Issuers_caMissing);
            return;
        }
        List<String> words;
        try {
            words = ProgramLine.parse(program.getText());
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        try {
            new ProgressMonitorDialog(getShell()).run(true, false, monitor -> {
                monitor.beginTask(Messages.Issuers_adding, IProgressMonitor.UNKNOWN);
                try {
                    Certificate caCertificate = Certificates.read(Path.of(ca)).certificate();
                    added = issuers.addCommand(issuerName, caCertificate, words);
                } catch (CertBenchCryptoException | IssuerException e) {
                    throw new InvocationTargetException(e);
                }
            });
        } catch (InvocationTargetException e) {
            setErrorMessage(e.getCause().getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        super.okPressed();
    }

    /** {@return the issuer added, once OK succeeded} */
    Issuer added() {
        return added;
    }
}
