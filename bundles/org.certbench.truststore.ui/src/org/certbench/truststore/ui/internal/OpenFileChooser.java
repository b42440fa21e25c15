package org.certbench.truststore.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * Asks which file to open. File &gt; Open&hellip; takes one from the context when there is one (UI tests put one
 * there, as the native file dialog cannot be driven under Xvfb) and uses the platform's file dialog otherwise.
 */
public interface OpenFileChooser {

    /** The platform's file dialog, offering certificate and request files first. */
    OpenFileChooser NATIVE = shell -> {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText(Messages.Open_choose);
        dialog.setFilterExtensions(new String[] { "*.pem;*.crt;*.cer;*.der;*.csr;*.req", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
        dialog.setFilterNames(new String[] { Messages.Open_filterCertificates, Messages.Open_filterAll });
        return dialog.open();
    };

    /** {@return the chosen file's path, or {@code null} when the administrator cancelled} */
    String choose(Shell shell);
}
