package org.certbench.truststore.ui.internal;

import org.certbench.truststore.TrustStore;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** The seed's New Certificate: the wizard that uploads a CA certificate file, shows it, then imports it. */
public final class NewCaCertificateHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service TrustStore store) {
        new NewCaCertificateWizardDialog(shell, new NewCaCertificateWizard(store)).open();
    }
}
