package org.certbench.host.ui.internal;

import org.certbench.crypto.CertificateSummary;
import org.certbench.host.ApplyResult;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.RenewalMonitor;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

/**
 * Applies a certificate to a service in a user Job: its steps and a Cancel show in the window's progress line, and
 * the service stops where that is still safe. Then the view shows what the service serves now and the administrator
 * reads the result, the refusal or what a Cancel left, in words.
 */
final class ApplyJob {

    interface Apply {
        ApplyResult run(RenewalMonitor monitor) throws HostCertificateException;
    }

    private ApplyJob() {
    }

    static Job schedule(String name, String service, Shell shell, UISynchronize sync, HostCertificatesPart view,
            Apply work) {
        Job job = Job.create(name, monitor -> {
            monitor.beginTask(name, IProgressMonitor.UNKNOWN);
            try {
                ApplyResult result = work.run(new JobMonitor(monitor));
                CertificateSummary applied = result.applied().summary();
                String text = NLS.bind(Messages.Done_applied,
                        new Object[] { service, applied.commonName(), applied.sha256Fingerprint() });
                // every warning of the service, among them what a Cancel that came too late left finished
                for (String warning : result.warnings()) {
                    text += "\n\n" + warning; //$NON-NLS-1$
                }
                String said = text;
                sync.asyncExec(() -> tell(shell, view, MessageDialog.INFORMATION, Messages.Done_title, said));
                return Status.OK_STATUS;
            } catch (HostCertificateException e) {
                boolean canceled = e.reason() == Reason.CANCELED;
                sync.asyncExec(() -> tell(shell, view, canceled ? MessageDialog.INFORMATION : MessageDialog.ERROR,
                        canceled ? Messages.Canceled_title : Messages.Error_title, e.getMessage()));
                return canceled ? Status.CANCEL_STATUS : Status.error(e.getMessage(), e);
            } finally {
                monitor.done();
            }
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    private static void tell(Shell shell, HostCertificatesPart view, int kind, String title, String text) {
        view.showSelected();
        if (!shell.isDisposed()) {
            MessageDialog.open(kind, shell, title, text, 0);
        }
    }
}
