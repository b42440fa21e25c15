package org.certbench.agents.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * Asks for a file. The handlers take one from the context when there is one (UI tests put one there, as the native
 * file dialog cannot be driven under Xvfb) and use the platform's file dialog otherwise.
 */
public interface FileChooser {

    /** The platform's file dialog. */
    FileChooser NATIVE = (shell, title, extensions, save, fileName) -> {
        FileDialog dialog = new FileDialog(shell, save ? SWT.SAVE : SWT.OPEN);
        dialog.setText(title);
        dialog.setFilterExtensions(extensions);
        if (fileName != null) {
            dialog.setFileName(fileName);
        }
        dialog.setOverwrite(save);
        return dialog.open();
    };

    /** {@return the chosen file's path, or {@code null} when the administrator cancelled} */
    String choose(Shell shell, String title, String[] extensions, boolean save, String fileName);
}
