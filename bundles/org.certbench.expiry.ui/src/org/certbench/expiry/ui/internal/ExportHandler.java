package org.certbench.expiry.ui.internal;

import java.nio.file.Path;

import org.certbench.expiry.ExpiryOverview;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Expiry &gt; Export Expiry Overview...: the expiry overview as CSV, the same as {@code expiry:list --csv}, to a file
 * chosen here.
 */
public final class ExportHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service ExpiryOverview overview) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(Messages.Export_title);
        dialog.setFilterExtensions(new String[] { "*.csv", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
        dialog.setFilterNames(new String[] { Messages.Export_csv, Messages.Export_all });
        dialog.setFileName(Messages.Export_fileName);
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            ExpiryExport.schedule(overview, Path.of(chosen), shell);
        }
    }
}
