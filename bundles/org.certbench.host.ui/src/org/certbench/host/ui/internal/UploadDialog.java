package org.certbench.host.ui.internal;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

import org.certbench.ui.FieldRows;
import org.certbench.ui.dialogs.FormDialog;
import org.certbench.host.HostCertificates;
import org.certbench.host.UploadCheck;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Upload: a certificate file and a key file, checked before the dialog closes; refusals in words. */
final class UploadDialog extends FormDialog {

    static final String CERTIFICATE_ID = "host.upload.certificate"; //$NON-NLS-1$
    static final String KEY_ID = "host.upload.key"; //$NON-NLS-1$

    private final HostCertificates hosts;
    private Text certificate;
    private Text key;
    private Path certificateFile;
    private Path keyFile;

    UploadDialog(Shell parent, HostCertificates hosts) {
        super(parent, Messages.Upload_title, Messages.Upload_message);
        this.hosts = hosts;
    }

    Path certificateFile() {
        return certificateFile;
    }

    Path keyFile() {
        return keyFile;
    }

    @Override
    protected int columns() {
        return 3;
    }

    @Override
    protected void createRows(Composite form) {
        certificate = FieldRows.file(form, Messages.Upload_certificate, CERTIFICATE_ID, "*.crt;*.pem;*.cer;*.der"); //$NON-NLS-1$
        key = FieldRows.file(form, Messages.Upload_key, KEY_ID, "*.key;*.pem"); //$NON-NLS-1$
        checkOnChange(certificate, key);
    }

    @Override
    protected String problem() {
        if (certificate.getText().isBlank()) {
            return Messages.Upload_noCertificate;
        }
        return key.getText().isBlank() ? Messages.Upload_noKey : null;
    }

    /** Checks the pair off the UI thread; refuses in words, warns but lets the administrator go on. */
    @Override
    protected void okPressed() {
        Path certificatePath = Path.of(certificate.getText().strip());
        Path keyPath = Path.of(key.getText().strip());
        UploadCheck[] check = new UploadCheck[1];
        try {
            new ProgressMonitorDialog(getShell()).run(true, false, monitor -> {
                monitor.beginTask(Messages.Upload_checking, IProgressMonitor.UNKNOWN);
                check[0] = hosts.check(certificatePath, keyPath);
            });
        } catch (InvocationTargetException e) {
            setErrorMessage(e.getCause().getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!check[0].accepted()) {
            setErrorMessage(NLS.bind(Messages.Upload_refused, String.join("; ", check[0].problems()))); //$NON-NLS-1$
            return;
        }
        if (!check[0].warnings().isEmpty() && !String.join("\n", check[0].warnings()).equals(getMessage())) { //$NON-NLS-1$
            // shown once; pressing OK again accepts them: the administrator may know better
            setErrorMessage(null);
            setMessage(String.join("\n", check[0].warnings()), IMessageProvider.WARNING); //$NON-NLS-1$
            return;
        }
        certificateFile = certificatePath;
        keyFile = keyPath;
        super.okPressed();
    }
}
