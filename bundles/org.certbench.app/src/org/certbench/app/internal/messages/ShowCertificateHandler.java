package org.certbench.app.internal.messages;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/**
 * Show Certificate: the view holding the certificate the selected message concerns, with it selected (the view's
 * button, its context menu, Enter and a double click in its table).
 */
public final class ShowCertificateHandler {

    /** The command's id. */
    public static final String COMMAND_ID = "org.certbench.app.command.messages.showCertificate"; //$NON-NLS-1$

    @CanExecute
    public boolean canExecute(@Optional MessageSelection selection) {
        return selection != null && selection.certificate().isPresent();
    }

    @Execute
    public void execute(MessageSelection selection, CertificateViewOpener opener) {
        selection.certificate().ifPresent(opener::open);
    }
}
