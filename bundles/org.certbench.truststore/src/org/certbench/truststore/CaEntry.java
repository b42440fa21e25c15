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

    public CertificateSummary summary() {
        return certificate.summary();
    }

    public String commonName() {
        return certificate.commonName();
    }

    public boolean usableAsTrustAnchor() {
        return anchorProblem == null;
    }

    public boolean isExpiredAt(Instant now) {
        return now.isAfter(certificate.notAfter());
    }
}
