package org.certbench.host.ui.internal;

import org.certbench.host.HostCertificates;
import org.certbench.host.ui.HostServiceSelection;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Configure…: the selected service's page of Settings > Host Services; the view reads it again after Close. */
public final class ConfigureHostHandler {

    @CanExecute
    public boolean canExecute(@Optional HostServiceSelection selection) {
        return selection != null;
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, HostServiceSelection selection,
            @Service HostCertificates hosts, @Optional HostCertificatesPart view) {
        new HostServicesDialog(shell, hosts, selection.service().id()).open();
        if (view != null) {
            view.reloadTargets();
        }
    }
}
