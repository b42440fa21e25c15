package org.certbench.truststore.ui.internal;

import java.nio.file.Path;

import org.certbench.truststore.CertificateChains;
import org.certbench.truststore.CertificateFiles;
import org.certbench.truststore.OpenedFile;
import org.certbench.truststore.TrustStoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

/**
 * Reads a file through the trust store's {@link CertificateFiles} in a Job (the UI reads no file) and then shows
 * its details, or why it cannot be shown, in words. What File &gt; Open&hellip; and a drop on the window share.
 */
final class FileOpener {

    private FileOpener() {
    }

    static void open(Shell shell, UISynchronize sync, CertificateFiles files, CertificateChains chains, Path file) {
        open(shell, sync, files, chains, file, () -> {
        });
    }

    /** As above, then {@code afterwards} on the UI thread once its dialog (or the refusal) is closed. */
    static void open(Shell shell, UISynchronize sync, CertificateFiles files, CertificateChains chains, Path file,
            Runnable afterwards) {
        Job job = Job.create(NLS.bind(Messages.Open_job, file.getFileName()), monitor -> {
            try {
                OpenedFile opened = files.open(file);
                sync.asyncExec(() -> {
                    if (!shell.isDisposed()) {
                        new FileDetailsDialog(shell, opened, chains).open();
                        afterwards.run();
                    }
                });
            } catch (TrustStoreException e) {
                // a refused file is the administrator's answer, not the program's failure: said, not logged
                sync.asyncExec(() -> {
                    if (!shell.isDisposed()) {
                        MessageDialog.openError(shell, Messages.Open_errorTitle, e.getMessage());
                        afterwards.run();
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }
}
