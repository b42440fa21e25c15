package org.certbench.example.haproxy.ui.internal;

import java.nio.file.Path;
import java.text.MessageFormat;

import org.certbench.example.haproxy.HaproxyCaFile;
import org.certbench.example.haproxy.HaproxyException;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.ui.CaCertificateSelection;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * The plug-in's command in the CA Certificates view's menus (added by this bundle's model fragment after the view's
 * {@code additions} anchors): the selected CA certificates as HAProxy's {@code ca-file} for client certificates. It
 * writes them to one file and shows the {@code bind} line with which HAProxy asks every client for a certificate one
 * of these CAs issued. It receives the selection the CA Certificates view publishes, a
 * {@link CaCertificateSelection}.
 */
public final class CaFileHandler {

    private static final String FILE_NAME = "certbench-client-cas.pem"; //$NON-NLS-1$

    @CanExecute
    public boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection) {
        // the active selection is another view's type while another view is active
        return selection instanceof CaCertificateSelection cas && !cas.isEmpty();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell,
            @Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection, @Optional FileChooser chooser) {
        if (!(selection instanceof CaCertificateSelection cas)) {
            return;
        }
        String chosen = (chooser == null ? FileChooser.NATIVE : chooser).choose(shell, Messages.CaFile_chooseFile,
                FILE_NAME);
        if (chosen == null) {
            return;
        }
        Path file = Path.of(chosen);
        try {
            int written = HaproxyCaFile.write(file, cas.entries().stream().map(CaEntry::certificate).toList());
            ConfigLinesDialog.open(shell, Messages.CaFile_title, MessageFormat.format(Messages.CaFile_written, written,
                    file.toString()), MessageFormat.format(Messages.CaFile_explain, written), bind(file));
        } catch (HaproxyException e) {
            MessageDialog.openError(shell, Messages.CaFile_title, e.getMessage());
        }
    }

    /** {@return a frontend whose bind line asks clients for a certificate the file's CAs issued} */
    static String bind(Path caFile) {
        return "frontend https\n    bind :443 ssl crt /etc/haproxy/site.pem ca-file " //$NON-NLS-1$
                + HaproxyCaFile.configWord(caFile) + " verify required\n"; //$NON-NLS-1$
    }
}
