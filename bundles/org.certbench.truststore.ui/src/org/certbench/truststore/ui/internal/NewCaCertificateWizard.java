package org.certbench.truststore.ui.internal;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.truststore.CaCheck;
import org.certbench.truststore.ImportResult;
import org.certbench.truststore.TrustStore;
import org.certbench.truststore.TrustStoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.osgi.util.NLS;

/** New Certificate: choose a file, Upload checks it and shows its details or the reason, Import adds it. */
public final class NewCaCertificateWizard extends Wizard {

    private final TrustStore store;
    private final UploadPage page;

    public NewCaCertificateWizard(TrustStore store) {
        this.store = store;
        this.page = new UploadPage(this);
        setWindowTitle(Messages.Wizard_title);
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        addPage(page);
    }

    @Override
    public boolean canFinish() {
        return page.acceptedFile() != null;
    }

    /** The Upload step, off the UI thread; the page shows the outcome. */
    void upload(Path file) {
        try {
            CaCheck[] check = new CaCheck[1];
            getContainer().run(true, false, monitor -> {
                monitor.beginTask(Messages.Wizard_checking, IProgressMonitor.UNKNOWN);
                try {
                    check[0] = store.check(file);
                } catch (CertBenchCryptoException e) {
                    throw new InvocationTargetException(e);
                } finally {
                    monitor.done();
                }
            });
            page.showCheck(file, check[0]);
        } catch (InvocationTargetException e) {
            page.showUnreadable(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean performFinish() {
        Path file = page.acceptedFile();
        try {
            ImportResult[] result = new ImportResult[1];
            getContainer().run(true, false, monitor -> {
                monitor.beginTask(Messages.Wizard_importing, IProgressMonitor.UNKNOWN);
                try {
                    result[0] = store.importCertificate(file);
                } catch (CertBenchCryptoException | TrustStoreException e) {
                    throw new InvocationTargetException(e);
                } finally {
                    monitor.done();
                }
            });
            if (result[0].alreadyPresent()) {
                MessageDialog.openInformation(getShell(), Messages.Wizard_title,
                        NLS.bind(Messages.Wizard_alreadyImported, result[0].entry().commonName()));
            }
            return true;
        } catch (InvocationTargetException e) {
            page.showUnreadable(e.getCause().getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
