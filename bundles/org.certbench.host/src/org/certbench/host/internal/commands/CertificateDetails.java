package org.certbench.host.internal.commands;

import java.time.Instant;
import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateSummary;

/** What {@code host:*} prints about a host certificate. */
public record CertificateDetails(String commonName, String subject, List<String> subjectAlternativeNames,
        String issuer, Instant notBefore, Instant notAfter, String sha256, String keyAlgorithm, String keySize,
        List<String> extendedKeyUsage, boolean selfSigned) {

    static CertificateDetails of(Certificate certificate) {
        if (certificate == null) {
            return null;
        }
        CertificateSummary s = certificate.summary();
        return new CertificateDetails(s.commonName(), s.subject(), s.subjectAlternativeNames(), s.issuer(),
                s.notBefore(), s.notAfter(), s.sha256Fingerprint(), s.keyAlgorithm(), s.keySize(),
                s.extendedKeyUsage(), s.selfSigned());
    }
}
