package org.certbench.app.internal.issuers;

import org.certbench.app.internal.Messages;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.Issuers;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

/** Add command issuer…: a CA the administrator already runs, through a program CertBench starts without a shell. */
final class CommandIssuerAction implements AddIssuerAction {

    static final String ID = "issuers.add.command"; //$NON-NLS-1$

    @Override
    public String label() {
        return Messages.Issuers_addCommand;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Issuer add(Shell shell, Issuers issuers) {
        AddCommandIssuerDialog dialog = new AddCommandIssuerDialog(shell, issuers);
        return dialog.open() == Window.OK ? dialog.added() : null;
    }
}
