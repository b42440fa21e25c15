package org.certbench.truststore.internal;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.Fingerprints;

/** The store's id of a certificate: its SHA-256 fingerprint in lower-case hex, without colons. */
final class CaIds {

    private CaIds() {
    }

    static String of(Certificate certificate) {
        return Fingerprints.lowerHex(certificate.sha256Fingerprint());
    }
}
