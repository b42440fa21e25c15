package org.certbench.truststore.ui.internal;

import java.util.List;

import org.certbench.crypto.CertificateDetailsContributor;
import org.certbench.truststore.CertificateChains;
import org.certbench.truststore.ui.CaCertificateSelection;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Details of the selected CA certificates (Enter or a double click in the table). */
public final class CaDetailsHandler {

    @CanExecute
    public boolean canExecute(@Optional CaCertificateSelection selection) {
        return selection != null && !selection.isEmpty();
    }

    /**
     * The plug-ins' extra rows (those installed now) and the Chain tab's path (absent while the trust store is
     * stopped) come as parameters, not injected fields: e4 creates every handler when the window starts, and a
     * field would make SCR start these services before the window shows.
     */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, CaCertificateSelection selection,
            @Service List<CertificateDetailsContributor> contributors, @Optional @Service CertificateChains chains) {
        new CaDetailsDialog(shell, selection.entries(), contributors, chains).open();
    }
}
