package org.certbench.example.haproxy.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * Asks where to write a file. The handlers take one from the context when there is one (UI tests put one there, as
 * the native file dialog cannot be driven under Xvfb) and use the platform's save dialog otherwise.
 */
public interface FileChooser {

    /** The platform's save dialog. */
    FileChooser NATIVE = (shell, title, fileName) -> {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(title);
        dialog.setFilterExtensions(new String[] { "*.pem", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
        dialog.setFileName(fileName);
        dialog.setOverwrite(true);
        return dialog.open();
    };

    /** {@return the chosen file's path, or {@code null} when the administrator cancelled} */
    String choose(Shell shell, String title, String fileName);
}
