package org.certbench.truststore;

import java.time.Instant;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateSummary;

/**
 * A CA certificate in the store.
 *
 * @param id            SHA-256 fingerprint, lower-case hex without separators
 * @param certificate   the certificate
 * @param fileName      its file in the store directory
 * @param anchorProblem why the platform cannot use it to verify connections, or {@code null} when it can
 */
public record CaEntry(String id, Certificate certificate, String fileName, String anchorProblem) {

    /** {@return the fields of the CA certificate an administrator reads} */
    public CertificateSummary summary() {
        return certificate.summary();
    }

    /**
     * {@return the CA certificate's common name, or "Empty Common Name" (in the administrator's language) when its
     * subject has none}
     */
    public String commonName() {
        return certificate.commonName();
    }

    /** {@return whether the certificate may anchor a chain (no anchor problem was found when it was read)} */
    public boolean usableAsTrustAnchor() {
        return anchorProblem == null;
    }

    /** {@return whether the certificate's validity ended before {@code now}} */
    public boolean isExpiredAt(Instant now) {
        return now.isAfter(certificate.notAfter());
    }
}
