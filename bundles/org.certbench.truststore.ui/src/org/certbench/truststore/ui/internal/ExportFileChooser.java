package org.certbench.truststore.ui.internal;

import java.nio.file.Path;
import java.util.Locale;

import org.certbench.truststore.ExportFormat;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * Asks where to export a CA certificate to, and in which encoding. Export takes one from the context when there is
 * one (UI tests put one there, as the native file dialog cannot be driven under Xvfb) and uses the platform's save
 * dialog otherwise.
 */
public interface ExportFileChooser {

    /** The file to write and its encoding. */
    record Choice(Path file, ExportFormat format) {
    }

    /** The platform's save dialog: PEM or DER, by the name's extension or the filter chosen. */
    ExportFileChooser NATIVE = (shell, suggested) -> {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(Messages.Export_title);
        dialog.setFilterExtensions(new String[] { "*.pem", "*.der" }); //$NON-NLS-1$ //$NON-NLS-2$
        dialog.setFilterNames(new String[] { Messages.Export_pem, Messages.Export_der });
        dialog.setFileName(suggested);
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return null;
        }
        boolean der = chosen.toLowerCase(Locale.ROOT).endsWith(".der") || dialog.getFilterIndex() == 1; //$NON-NLS-1$
        return new Choice(Path.of(chosen), der ? ExportFormat.DER : ExportFormat.PEM);
    };

    /** {@return where and how to export, or {@code null} when the administrator cancelled} */
    Choice choose(Shell shell, String suggestedName);
}
