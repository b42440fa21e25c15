package org.certbench.app.internal.issuers;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;

import org.certbench.app.internal.Messages;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.Issuers;
import org.certbench.ui.FieldRows;
import org.certbench.ui.dialogs.FormDialog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Add command issuer…: a name, the CA certificate file the program's certificates chain to, and the program line
 * (split into arguments without a shell). OK once the three are given and the line splits (an unclosed quote is
 * said at once); the service checks and stores it on OK, and its refusals stay on this dialog.
 */
final class AddCommandIssuerDialog extends FormDialog {

    static final String NAME_ID = "issuers.command.name"; //$NON-NLS-1$
    static final String CA_ID = "issuers.command.ca"; //$NON-NLS-1$
    static final String PROGRAM_ID = "issuers.command.program"; //$NON-NLS-1$

    private final Issuers issuers;
    private Text name;
    private Text caFile;
    private Text program;
    private Issuer added;

    AddCommandIssuerDialog(Shell parent, Issuers issuers) {
        super(parent, Messages.Issuers_addCommandTitle, Messages.Issuers_addCommandMessage);
        this.issuers = issuers;
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
    protected int columns() {
        return 3;
    }

    @Override
    protected void createRows(Composite form) {
        name = FieldRows.text(form, Messages.Issuers_nameLabel, NAME_ID, ""); //$NON-NLS-1$
        caFile = FieldRows.file(form, Messages.Issuers_caFileLabel, CA_ID, "*.pem;*.crt;*.der"); //$NON-NLS-1$
        program = FieldRows.text(form, Messages.Issuers_programLabel, PROGRAM_ID, ""); //$NON-NLS-1$
        program.setMessage("openssl x509 -req -in {csr} -CA ca.pem -CAkey ca.key -out {cert} -days 90"); //$NON-NLS-1$
        checkOnChange(name, caFile, program);
    }

    @Override
    protected String problem() {
        if (name.getText().isBlank()) {
            return Messages.Issuers_nameMissing;
        }
        if (caFile.getText().isBlank()) {
            return Messages.Issuers_caMissing;
        }
        try {
            ProgramLine.parse(program.getText());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    protected void okPressed() {
        String issuerName = name.getText().strip();
        String ca = caFile.getText().strip();
        List<String> words = ProgramLine.parse(program.getText());
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
