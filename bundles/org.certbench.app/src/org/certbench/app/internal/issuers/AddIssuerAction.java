package org.certbench.app.internal.issuers;

import org.certbench.issuers.Issuer;
import org.certbench.issuers.Issuers;
import org.eclipse.swt.widgets.Shell;

/**
 * One "Add … issuer" button of Settings > Issuers. Each sort of issuer an administrator can configure here is one
 * implementation, listed in {@link IssuersDialog#ADD_ACTIONS}: adding an ACME issuer is a new class and a line.
 */
interface AddIssuerAction {

    /** {@return the button's label, with its mnemonic} */
    String label();

    /** {@return the button's widget id, for UI tests} */
    String id();

    /**
     * Asks for the new issuer's settings and configures it through the service, off the UI thread.
     *
     * @return the issuer added, or null when the administrator cancelled
     */
    Issuer add(Shell shell, Issuers issuers);
}
