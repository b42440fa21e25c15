package org.certbench.truststore.internal.commands;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateSummary;

/** What {@code ca:show} and {@code ca:check} print about a certificate. */
public record CaDetails(String commonName, String subject, String issuer, String serialNumber, Instant notBefore,
        Instant notAfter, String sha256, String sha1, List<String> subjectAlternativeNames, String keyAlgorithm,
        String keySize, String signatureAlgorithm, List<String> keyUsage, List<String> extendedKeyUsage,
        String basicConstraints, boolean selfSigned) {

    static CaDetails of(Certificate certificate) {
        CertificateSummary s = certificate.summary();
        BigInteger serial = s.serialNumber();
        return new CaDetails(s.commonName(), s.subject(), s.issuer(), serial.toString(16), s.notBefore(),
                s.notAfter(), s.sha256Fingerprint(), s.sha1Fingerprint(), s.subjectAlternativeNames(),
                s.keyAlgorithm(), s.keySize(), s.signatureAlgorithm(), s.keyUsage(), s.extendedKeyUsage(),
                s.basicConstraints(), s.selfSigned());
    }
}
