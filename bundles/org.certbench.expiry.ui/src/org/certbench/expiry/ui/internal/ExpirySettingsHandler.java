package org.certbench.expiry.ui.internal;

import org.certbench.expiry.ExpiryOverview;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Settings > Expiry: the warning thresholds of each kind, the same the shell and the daily check read. */
public final class ExpirySettingsHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service ExpiryOverview overview) {
        new ExpirySettingsDialog(shell, overview, KindNames.BUILT_IN).open();
    }
}
