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

import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Details of the selected CA certificates (Enter or a double click in the table). */
public final class CaDetailsHandler {

    /** The plug-ins' extra rows; e4 re-injects the list when one comes or goes. */
    @Inject
    @Service
    private List<CertificateDetailsContributor> contributors;

    /** Computes the Chain tab's path; absent while the trust store is stopped. */
    @Inject
    @Optional
    @Service
    private CertificateChains chains;

    @CanExecute
    public boolean canExecute(@Optional CaCertificateSelection selection) {
        return selection != null && !selection.isEmpty();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, CaCertificateSelection selection) {
        new CaDetailsDialog(shell, selection.entries(), contributors, chains).open();
    }
}
