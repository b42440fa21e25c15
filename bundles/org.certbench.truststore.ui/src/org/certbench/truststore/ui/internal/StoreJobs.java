package org.certbench.truststore.ui.internal;

import org.certbench.truststore.TrustStoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * Runs a change to the trust store as a user Job (it shows in the window's progress) and says a failure in words.
 * The view shows the store's new list by itself: the store tells it after every change.
 */
final class StoreJobs {

    interface StoreWork {
        void run(SubMonitor monitor) throws TrustStoreException;
    }

    private StoreJobs() {
    }

    static Job schedule(String name, Shell shell, UISynchronize sync, StoreWork work) {
        Job job = Job.create(name, monitor -> {
            SubMonitor progress = SubMonitor.convert(monitor, name, 1);
            try {
                work.run(progress);
                return Status.OK_STATUS;
            } catch (TrustStoreException e) {
                return failed(shell, sync, e);
            }
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    /** The reason goes to the administrator in words, and to the log through the Job's status. */
    static IStatus failed(Shell shell, UISynchronize sync, TrustStoreException e) {
        sync.asyncExec(() -> {
            if (!shell.isDisposed()) {
                MessageDialog.openError(shell, Messages.Error_title, e.getMessage());
            }
        });
        return Status.error(e.getMessage(), e);
    }
}
