package org.certbench.truststore.ui.internal;

import java.nio.file.Path;
import java.util.Locale;

import org.certbench.truststore.CaEntry;
import org.certbench.truststore.ExportFormat;
import org.certbench.truststore.TrustStore;
import org.certbench.truststore.ui.CaCertificateSelection;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
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
            @Service TrustStore store, UISynchronize sync) {
        CaEntry entry = selection.entries().get(0);
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(Messages.Export_title);
        dialog.setFilterExtensions(new String[] { "*.pem", "*.der" }); //$NON-NLS-1$ //$NON-NLS-2$
        dialog.setFilterNames(new String[] { Messages.Export_pem, Messages.Export_der });
        dialog.setFileName(entry.commonName().replaceAll("[^A-Za-z0-9._-]+", "_") + ".pem"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        ExportFormat format = chosen.toLowerCase(Locale.ROOT).endsWith(".der") || dialog.getFilterIndex() == 1 //$NON-NLS-1$
                ? ExportFormat.DER : ExportFormat.PEM;
        StoreJobs.schedule(Messages.Job_export, shell, sync,
                monitor -> store.exportTo(entry.id(), format, Path.of(chosen)));
    }
}
