package org.certbench.example.haproxy.ui.internal;

import java.text.MessageFormat;
import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.example.haproxy.HaproxyException;
import org.certbench.example.haproxy.HaproxyFrontend;
import org.certbench.example.haproxy.HaproxyMonitor;
import org.certbench.host.ui.HostServiceSelection;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The plug-in's command in the Host Certificates view's menus (added by this bundle's model fragment): with HAProxy
 * selected, asks HAProxy for every listener and says which of them do not serve the certificate the view shows, e.g.
 * a frontend still serving the old certificate after a renewal.
 */
public final class CheckListenersHandler {

    /** The HAProxy service's ID in the Host Certificates view ({@code host:configure haproxy}). */
    static final String HAPROXY = "haproxy"; //$NON-NLS-1$

    /** Absent while the HAProxy plug-in is stopped. */
    @Inject
    @Optional
    @Service
    private HaproxyMonitor monitor;

    @CanExecute
    public boolean canExecute(@Optional HostServiceSelection selection) {
        return monitor != null && selection != null && HAPROXY.equals(selection.service().id())
                && selection.status() != null && selection.status().certificate() != null;
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, HostServiceSelection selection,
            UISynchronize sync) {
        HaproxyMonitor asked = monitor;
        Certificate expected = selection.status().certificate();
        Job job = Job.create(Messages.Check_job, progress -> {
            try {
                String report = ListenerCheck.report(expected, asked.frontends());
                sync.asyncExec(() -> MessageDialog.openInformation(shell, Messages.Check_title, report));
                return Status.OK_STATUS;
            } catch (HaproxyException e) {
                sync.asyncExec(() -> MessageDialog.openError(shell, Messages.Check_title, e.getMessage()));
                return Status.error(e.getMessage(), e);
            }
        });
        job.setUser(true);
        job.schedule();
    }

    /** Kept apart from the handler so the words are read in one place. */
    static final class ListenerCheck {

        private ListenerCheck() {
        }

        static String report(Certificate expected, List<HaproxyFrontend> frontends) {
            StringBuilder text = new StringBuilder();
            int differing = 0;
            for (HaproxyFrontend frontend : frontends) {
                String where = frontend.frontend() + (frontend.address() == null ? "" : " (" + frontend.address() + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                if (frontend.sha256() == null) {
                    differing++;
                    text.append(org.eclipse.osgi.util.NLS.bind(Messages.Check_problem, where, frontend.problem()));
                } else if (!frontend.sha256().equalsIgnoreCase(expected.sha256Fingerprint())) {
                    differing++;
                    text.append(org.eclipse.osgi.util.NLS.bind(Messages.Check_other, where, frontend.subject()));
                } else {
                    text.append(org.eclipse.osgi.util.NLS.bind(Messages.Check_same, where));
                }
                text.append('\n');
            }
            String summary = differing == 0 ? MessageFormat.format(Messages.Check_allSame, frontends.size())
                    : MessageFormat.format(Messages.Check_someDiffer, differing, frontends.size());
            return summary + "\n\n" + text.toString().strip(); //$NON-NLS-1$
        }
    }
}
