package org.certbench.app.internal.messages;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certbench.messages.SystemMessage;

/**
 * The certificate a system message concerns, as a {@link org.certbench.ui.ShowCertificate} names it: read from
 * the message's deduplication key, the one place a message names its certificate. The keys read are those of the
 * expiry warnings ({@code truststore.expires:CA-ID:DAYS}, {@code truststore.expired:CA-ID},
 * {@code expiry.KIND.expires:ID:SHA256:DAYS}, {@code expiry.KIND.expired:ID:SHA256}) and of failed renewals
 * ({@code renewal|agent|NAME|KIND|TIME}, {@code renewal|host|ID|KIND|TIME}); any other message (a summary, a
 * notification problem) concerns no one certificate.
 *
 * @param kind {@code ca}, {@code host} or {@code agent}
 * @param key  the CA certificate's id, the host service's id or the agent's name
 */
record CertificateOfMessage(String kind, String key) {

    private static final String SHA256 = "(?:[0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}"; //$NON-NLS-1$
    private static final Pattern CA = Pattern.compile("truststore\\.(?:expires:(.+):\\d+|expired:(.+))"); //$NON-NLS-1$
    private static final Pattern EXPIRY = Pattern.compile("expiry\\.(host|agent)\\.(?:expires:(.+):" + SHA256 //$NON-NLS-1$
            + ":\\d+|expired:(.+):" + SHA256 + ")"); //$NON-NLS-1$ //$NON-NLS-2$
    /** The name may hold the separator; the failure kind and the time after it do not. */
    private static final Pattern RENEWAL = Pattern.compile("renewal\\|(host|agent)\\|(.+)\\|[^|]*\\|[^|]*"); //$NON-NLS-1$

    static Optional<CertificateOfMessage> of(SystemMessage message) {
        String key = message.key();
        if (key == null) {
            return Optional.empty();
        }
        Matcher ca = CA.matcher(key);
        if (ca.matches()) {
            return Optional.of(new CertificateOfMessage("ca", ca.group(1) != null ? ca.group(1) : ca.group(2))); //$NON-NLS-1$
        }
        Matcher expiry = EXPIRY.matcher(key);
        if (expiry.matches()) {
            return Optional.of(new CertificateOfMessage(expiry.group(1),
                    expiry.group(2) != null ? expiry.group(2) : expiry.group(3)));
        }
        Matcher renewal = RENEWAL.matcher(key);
        if (renewal.matches()) {
            return Optional.of(new CertificateOfMessage(renewal.group(1), renewal.group(2)));
        }
        return Optional.empty();
    }
}
