package org.certbench.host.ui.internal;

import org.certbench.host.RenewalMonitor;
import org.eclipse.core.runtime.IProgressMonitor;

/** The host service's monitor over a Job's or dialog's progress monitor: its steps show, its Cancel stops. */
final class JobMonitor implements RenewalMonitor {

    private final IProgressMonitor monitor;

    JobMonitor(IProgressMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void subTask(String text) {
        monitor.subTask(text);
    }

    @Override
    public boolean isCanceled() {
        return monitor.isCanceled();
    }
}
