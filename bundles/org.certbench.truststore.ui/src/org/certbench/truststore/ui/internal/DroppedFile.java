package org.certbench.truststore.ui.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.certbench.truststore.CertificateChains;
import org.certbench.truststore.CertificateFiles;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

/**
 * Files dropped together on the main window, each shown as File &gt; Open&hellip; shows it, one after another (the
 * next once the previous one's dialog is closed). More than {@value #MOST} at once are rather an import than a look:
 * the first {@value #MOST} are shown, and the others named in words as not opened. Invoked through e4 at the drop, so
 * the file services start at the first drop rather than with the window; without the trust store nothing is shown,
 * as File &gt; Open&hellip; is then disabled.
 */
final class DroppedFile {

    /** How many dropped files are shown, one after another. */
    static final int MOST = 5;

    private final Shell shell;
    private final List<Path> paths;

    DroppedFile(Shell shell, List<Path> paths) {
        this.shell = shell;
        this.paths = List.copyOf(paths);
    }

    @Execute
    public void open(UISynchronize sync, @Optional @Service CertificateFiles files,
            @Optional @Service CertificateChains chains) {
        if (files == null || shell.isDisposed() || paths.isEmpty()) {
            return;
        }
        List<Path> shown = paths.subList(0, Math.min(MOST, paths.size()));
        if (paths.size() <= MOST) {
            openInTurn(sync, files, chains, shown);
            return;
        }
        String left = paths.subList(MOST, paths.size()).stream().map(Path::toString)
                .collect(Collectors.joining(", ")); //$NON-NLS-1$
        // after the drop has ended: the drag's source waits for it
        sync.asyncExec(() -> {
            if (!shell.isDisposed()) {
                MessageDialog.openInformation(shell, Messages.Drop_tooManyTitle,
                        NLS.bind(Messages.Drop_tooMany, new Object[] { paths.size(), MOST, left }));
                openInTurn(sync, files, chains, shown);
            }
        });
    }

    private void openInTurn(UISynchronize sync, CertificateFiles files, CertificateChains chains, List<Path> left) {
        if (left.isEmpty() || shell.isDisposed()) {
            return;
        }
        FileOpener.open(shell, sync, files, chains, left.get(0),
                () -> openInTurn(sync, files, chains, left.subList(1, left.size())));
    }
}
