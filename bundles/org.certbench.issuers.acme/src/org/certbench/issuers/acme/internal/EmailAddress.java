package org.certbench.issuers.acme.internal;

import java.net.URI;
import java.util.regex.Pattern;

import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.eclipse.osgi.util.NLS;

/**
 * The account's contact address as the administrator typed it. acme4j turns it into a {@code mailto:} URI; a
 * malformed one would fail there as an unexplained argument error, reported as if the CA could not be reached.
 */
final class EmailAddress {

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*"); //$NON-NLS-1$

    private EmailAddress() {
    }

    /** @throws IssuerException in words if it is not name@domain, before anything is asked of the CA */
    static void require(String address) throws IssuerException {
        boolean valid = address.length() <= 254 && ADDRESS.matcher(address).matches();
        if (valid) {
            try {
                URI.create("mailto:" + address); //$NON-NLS-1$
            } catch (IllegalArgumentException e) {
                valid = false;
            }
        }
        if (!valid) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Add_badEmail,
                    address.length() > 80 ? address.substring(0, 80) + "…" : address)); //$NON-NLS-1$
        }
    }
}
