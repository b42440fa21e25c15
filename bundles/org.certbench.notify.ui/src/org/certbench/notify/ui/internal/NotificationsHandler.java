package org.certbench.notify.ui.internal;

import java.util.List;

import org.certbench.notify.Channel;
import org.certbench.notify.Notifications;
import org.certbench.notify.NotifyException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Settings > Notifications. The channels are read in a Job before the dialog opens: reading waits for the home's
 * lock, which another process may hold.
 */
public final class NotificationsHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service Notifications notifications) {
        Job.create(Messages.Job_load, monitor -> {
            List<Channel> channels;
            String failure = null;
            try {
                channels = notifications.channels();
            } catch (NotifyException e) {
                channels = List.of();
                failure = e.getMessage();
            }
            List<Channel> shown = channels;
            String problem = failure;
            if (!shell.isDisposed()) {
                shell.getDisplay().asyncExec(() -> {
                    if (!shell.isDisposed()) {
                        new NotificationsDialog(shell, notifications, shown, problem).open();
                    }
                });
            }
        }).schedule();
    }
}
