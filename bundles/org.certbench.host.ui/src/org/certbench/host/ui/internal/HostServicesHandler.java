package org.certbench.host.ui.internal;

import org.certbench.host.HostCertificates;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Settings > Host Services: the settings of each host service (the preferences of host:configure). */
public final class HostServicesHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service HostCertificates hosts) {
        new HostServicesDialog(shell, hosts).open();
    }
}
