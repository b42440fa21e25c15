package org.certbench.issuers.acme.internal;

import java.util.regex.Pattern;

import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.eclipse.osgi.util.NLS;

/** RFC 8555 §8.3: a token is base64url; anything else from a CA could be a path and is refused. */
final class Tokens {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,128}"); //$NON-NLS-1$

    private Tokens() {
    }

    static boolean isToken(String token) {
        return TOKEN.matcher(token).matches();
    }

    static void requireToken(String token) throws IssuerException {
        if (!isToken(token)) {
            throw new IssuerException(Reason.INVALID_RESPONSE, NLS.bind(Messages.Token_invalid,
                    token.length() > 40 ? token.substring(0, 40) + "…" : token)); //$NON-NLS-1$
        }
    }
}
