package org.certbench.host.ui.internal;

import org.certbench.host.ui.HostCertificatesView;
import org.certbench.ui.commands.ViewInFront;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * Refresh (and F5): the services again, and what the selected one serves now (a handshake, in a Job). It needs no
 * selection, so the main menu runs it from any view: the Host Certificates view comes to the front first.
 */
public final class RefreshHostsHandler {

    @Execute
    public void execute(EPartService parts) {
        ViewInFront.view(parts, HostCertificatesView.PART, HostCertificatesPart.class)
                .ifPresent(HostCertificatesPart::reloadTargets);
    }
}
