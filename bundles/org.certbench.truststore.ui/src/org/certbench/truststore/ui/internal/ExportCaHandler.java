package org.certbench.truststore.ui.internal;

import org.certbench.truststore.CaEntry;
import org.certbench.truststore.TrustStore;
import org.certbench.truststore.ui.CaCertificateSelection;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** The seed's Export: the selected CA certificate to a PEM or DER file the administrator names. */
public final class ExportCaHandler {

    @CanExecute
    public boolean canExecute(@Optional CaCertificateSelection selection) {
        return selection != null && selection.entries().size() == 1;
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, CaCertificateSelection selection,
            @Service TrustStore store, UISynchronize sync, @Optional ExportFileChooser chooser) {
        CaEntry entry = selection.entries().get(0);
        String suggested = entry.commonName().replaceAll("[^A-Za-z0-9._-]+", "_") + ".pem"; //$NON-NLS-1$ //$NON-NLS-2$
        ExportFileChooser.Choice chosen = (chooser == null ? ExportFileChooser.NATIVE : chooser).choose(shell,
                suggested);
        if (chosen == null) {
            return;
        }
        StoreJobs.schedule(Messages.Job_export, shell, sync,
                monitor -> store.exportTo(entry.id(), chosen.format(), chosen.file()));
    }
}
