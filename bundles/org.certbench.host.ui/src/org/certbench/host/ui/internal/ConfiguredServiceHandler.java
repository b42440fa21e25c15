package org.certbench.host.ui.internal;

import org.certbench.host.ui.HostServiceSelection;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Optional;

/** A command on the selected service that needs it configured (Generate, Upload, Renew, ACME). */
abstract class ConfiguredServiceHandler {

    @CanExecute
    public boolean canExecute(@Optional HostServiceSelection selection, @Optional HostCertificatesPart view) {
        return view != null && selection != null && selection.service().configured();
    }
}
