package org.certbench.app.internal.issuers;

import java.util.Optional;

import org.certbench.app.internal.Messages;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.Issuers;
import org.certbench.issuers.acme.AcmeIssuers;
import org.eclipse.core.runtime.ServiceCaller;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

/** Add ACME issuer…: a CA that speaks ACME (Let's Encrypt, step-ca, Vault, EJBCA), for host certificates. */
final class AcmeIssuerAction implements AddIssuerAction {

    static final String ID = "issuers.add.acme"; //$NON-NLS-1$

    @Override
    public String label() {
        return Messages.Issuers_addAcme;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Issuer add(Shell shell, Issuers issuers) {
        Optional<AcmeIssuers> acme = acmeIssuers();
        if (acme.isEmpty()) {
            MessageDialog.openError(shell, Messages.Issuers_addAcmeTitle, Messages.Issuers_acmeMissing);
            return null;
        }
        AddAcmeIssuerDialog dialog = new AddAcmeIssuerDialog(shell, acme.get());
        return dialog.open() == Window.OK ? dialog.added() : null;
    }

    /** The ACME bundle is optional for the workbench: without it, the button says so. */
    static Optional<AcmeIssuers> acmeIssuers() {
        return new ServiceCaller<>(AcmeIssuerAction.class, AcmeIssuers.class).current();
    }
}
