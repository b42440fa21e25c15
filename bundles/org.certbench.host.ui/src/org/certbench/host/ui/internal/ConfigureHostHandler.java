package org.certbench.host.ui.internal;

import org.certbench.host.HostCertificates;
import org.certbench.host.ui.HostCertificatesView;
import org.certbench.host.ui.HostServiceSelection;
import org.certbench.ui.commands.ViewInFront;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Configure…: the page of Settings &gt; Host Services of the service the Host Certificates view shows; the view reads
 * it again after Close. The view always has a service chosen, so the main menu runs it from any view: the Host
 * Certificates view comes to the front first, naming the service whose settings open.
 */
public final class ConfigureHostHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service HostCertificates hosts,
            EPartService parts) {
        MPart part = ViewInFront.part(parts, HostCertificatesView.PART);
        if (part == null) {
            return;
        }
        HostServiceSelection selection = part.getContext().get(HostServiceSelection.class);
        new HostServicesDialog(shell, hosts, selection == null ? null : selection.service().id()).open();
        ((HostCertificatesPart) part.getObject()).reloadTargets();
    }
}
