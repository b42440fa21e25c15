package org.certbench.host.ui.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/** Refresh (and F5): the services again, and what the selected one serves now (a handshake, in a Job). */
public final class RefreshHostsHandler {

    @CanExecute
    public boolean canExecute(@Optional HostCertificatesPart view) {
        return view != null;
    }

    @Execute
    public void execute(HostCertificatesPart view) {
        view.reloadTargets();
    }
}
