package org.certbench.truststore.ui.internal;

import org.certbench.truststore.TrustStore;
import org.certbench.truststore.ui.CaCertificatesView;
import org.certbench.ui.commands.ViewInFront;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * The seed's New Certificate: the wizard that uploads a CA certificate file, shows it, then imports it. It needs no
 * selection, so it runs from any view (its handler is the application's): the CA view comes to the front first,
 * where the imported certificate will show.
 */
public final class NewCaCertificateHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service TrustStore store,
            EPartService parts) {
        ViewInFront.part(parts, CaCertificatesView.PART);
        new NewCaCertificateWizardDialog(shell, new NewCaCertificateWizard(store)).open();
    }
}
