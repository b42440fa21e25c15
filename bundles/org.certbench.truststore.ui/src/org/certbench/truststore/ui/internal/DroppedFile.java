package org.certbench.truststore.ui.internal;

import java.nio.file.Path;

import org.certbench.truststore.CertificateChains;
import org.certbench.truststore.CertificateFiles;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Shell;

/**
 * A file dropped on the main window, shown as File &gt; Open&hellip; shows it. Invoked through e4 at the drop, so the
 * file services start at the first drop rather than with the window; without the trust store nothing is shown, as
 * File &gt; Open&hellip; is then disabled.
 */
final class DroppedFile {

    private final Shell shell;
    private final Path path;

    DroppedFile(Shell shell, Path path) {
        this.shell = shell;
        this.path = path;
    }

    @Execute
    public void open(UISynchronize sync, @Optional @Service CertificateFiles files,
            @Optional @Service CertificateChains chains) {
        if (files != null && !shell.isDisposed()) {
            FileOpener.open(shell, sync, files, chains, path);
        }
    }
}
