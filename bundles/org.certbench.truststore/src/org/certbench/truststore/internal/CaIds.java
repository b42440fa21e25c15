package org.certbench.truststore.internal;

import java.util.Locale;

import org.certbench.crypto.Certificate;

/** The store's id of a certificate: its SHA-256 fingerprint in lower-case hex, without colons. */
final class CaIds {

    private CaIds() {
    }

    static String of(Certificate certificate) {
        return normalise(certificate.sha256Fingerprint());
    }

    /** An id or prefix as a user may type it: with colons, in upper case, with blanks around. */
    static String normalise(String typed) {
        return typed.strip().replace(":", "").toLowerCase(Locale.ROOT);
    }
}
