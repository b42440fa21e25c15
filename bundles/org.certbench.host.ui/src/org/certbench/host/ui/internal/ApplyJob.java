package org.certbench.host.ui.internal;

import org.certbench.crypto.CertificateSummary;
import org.certbench.host.ApplyResult;
import org.certbench.host.HostCertificateException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

/**
 * Applies a certificate to a service in a user Job (it shows in the window's progress), then the view shows what the
 * service serves now and the administrator reads the result, or the refusal, in words.
 */
final class ApplyJob {

    interface Apply {
        ApplyResult run() throws HostCertificateException;
    }

    private ApplyJob() {
    }

    static Job schedule(String name, String service, Shell shell, UISynchronize sync, HostCertificatesPart view,
            Apply work) {
        Job job = Job.create(name, monitor -> {
            try {
                ApplyResult result = work.run();
                sync.asyncExec(() -> {
                    view.showSelected();
                    CertificateSummary applied = result.applied().summary();
                    MessageDialog.openInformation(shell, Messages.Done_title, NLS.bind(Messages.Done_applied,
                            new Object[] { service, applied.commonName(), applied.sha256Fingerprint() }));
                });
                return Status.OK_STATUS;
            } catch (HostCertificateException e) {
                sync.asyncExec(() -> {
                    view.showSelected();
                    MessageDialog.openError(shell, Messages.Error_title, e.getMessage());
                });
                return Status.error(e.getMessage(), e);
            }
        });
        job.setUser(true);
        job.schedule();
        return job;
    }
}
