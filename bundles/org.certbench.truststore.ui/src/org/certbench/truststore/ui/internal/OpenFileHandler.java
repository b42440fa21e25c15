package org.certbench.truststore.ui.internal;

import java.nio.file.Path;

import org.certbench.truststore.CertificateChains;
import org.certbench.truststore.CertificateFiles;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** File &gt; Open&hellip;: a certificate or request file's details, nothing imported. */
public final class OpenFileHandler {

    @CanExecute
    public boolean canExecute(@Optional @Service CertificateFiles files) {
        return files != null;
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service CertificateFiles files,
            @Optional @Service CertificateChains chains, @Optional OpenFileChooser chooser, UISynchronize sync) {
        String chosen = (chooser == null ? OpenFileChooser.NATIVE : chooser).choose(shell);
        if (chosen != null) {
            FileOpener.open(shell, sync, files, chains, Path.of(chosen));
        }
    }
}
