package org.certbench.expiry.ui.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certbench.expiry.ExpiryOverview;
import org.certbench.expiry.ExpiryRow;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Settings > Expiry: the warning thresholds of each kind (the built-in ones and every plug-in's that has rows), the
 * same the shell and the daily check read. They are read in a Job before the dialog opens: reading waits for the
 * home's lock, which another process may hold, and finding the plug-ins' kinds reads the overview.
 */
public final class ExpirySettingsHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service ExpiryOverview overview) {
        Job.create(Messages.Job_loadSettings, monitor -> {
            // the plug-ins' kinds too, after the built-in ones by name, as expiry:thresholds lists them
            Set<String> kinds = new LinkedHashSet<>(KindNames.BUILT_IN);
            overview.rows().rows().stream().map(ExpiryRow::kind).sorted().forEach(kinds::add);
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
