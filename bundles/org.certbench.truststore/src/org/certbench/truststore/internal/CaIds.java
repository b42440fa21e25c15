package org.certbench.truststore.internal;

import java.util.Locale;
import java.util.Optional;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.Fingerprints;

/**
 * The store's id of a certificate: its SHA-256 fingerprint in lower-case hex, without colons (published: file
 * names, {@code ca:list}); and what an administrator types to name one: the start of it.
 */
final class CaIds {

    private CaIds() {
    }

    static String of(Certificate certificate) {
        return Fingerprints.normalise(certificate.sha256Fingerprint()).orElseThrow().toLowerCase(Locale.ROOT);
    }

    /**
     * The id prefix in a typed id: its hex digits in lower case, colons and blanks removed.
     *
     * @return empty when the text is no start of a fingerprint (a name, say)
     */
    static Optional<String> prefix(String typed) {
        return Fingerprints.sha256Prefix(typed).map(digits -> digits.toLowerCase(Locale.ROOT));
    }
}
