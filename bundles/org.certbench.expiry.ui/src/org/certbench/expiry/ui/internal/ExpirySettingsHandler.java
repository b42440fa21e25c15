package org.certbench.expiry.ui.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certbench.expiry.ExpiryOverview;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Settings > Expiry: the warning thresholds of each kind, the same the shell and the daily check read. They are read
 * in a Job before the dialog opens: reading waits for the home's lock, which another process may hold.
 */
public final class ExpirySettingsHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service ExpiryOverview overview) {
        List<String> kinds = KindNames.BUILT_IN;
        Job.create(Messages.Job_loadSettings, monitor -> {
            Map<String, List<Integer>> current = new LinkedHashMap<>();
            for (String kind : kinds) {
                current.put(kind, overview.thresholds(kind));
            }
            if (!shell.isDisposed()) {
                shell.getDisplay().asyncExec(() -> {
                    if (!shell.isDisposed()) {
                        new ExpirySettingsDialog(shell, overview, current).open();
                    }
                });
            }
        }).schedule();
    }
}
