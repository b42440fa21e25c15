package org.certbench.crypto;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.certbench.core.IdenticalFields;
import org.certbench.crypto.internal.DisplayFormats;
import org.certbench.crypto.internal.Messages;

/**
 * What an administrator is shown about a certificate. Names are formatted most specific attribute first
 * ("CN=…, O=…, C=…"); {@code commonName} and {@code issuerCommonName} read "Empty Common Name" when the
 * name is empty or has no CN; fingerprints are upper-case colon-separated hex; SANs read "DNS:…", "IP:…".
 *
 * @param keySize bit length for RSA/DSA ("2048 bits"), curve name for EC ("P-256")
 */
public record CertificateSummary(String subject, String issuer, String commonName, String issuerCommonName,
        BigInteger serialNumber, Instant notBefore, Instant notAfter, String sha256Fingerprint,
        String sha1Fingerprint, List<String> subjectAlternativeNames, String keyAlgorithm, String keySize,
        String signatureAlgorithm, List<String> keyUsage, List<String> extendedKeyUsage, String basicConstraints,
        boolean certificateAuthority, boolean selfSigned) {

    /** Copies the lists, so the summary stays unchanged; none may be {@code null}. */
    public CertificateSummary {
        subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
        keyUsage = List.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
    }

    /** Every field as display text, in {@link SummaryField} order. */
    public Map<SummaryField, String> fields() {
        Map<SummaryField, String> fields = new EnumMap<>(SummaryField.class);
        fields.put(SummaryField.SUBJECT, subject);
        fields.put(SummaryField.ISSUER, issuer);
        fields.put(SummaryField.COMMON_NAME, commonName);
        fields.put(SummaryField.ISSUER_COMMON_NAME, issuerCommonName);
        fields.put(SummaryField.SERIAL_NUMBER, DisplayFormats.serial(serialNumber));
        fields.put(SummaryField.NOT_BEFORE, DisplayFormats.dateTime(notBefore));
        fields.put(SummaryField.NOT_AFTER, DisplayFormats.dateTime(notAfter));
        fields.put(SummaryField.SHA256_FINGERPRINT, sha256Fingerprint);
        fields.put(SummaryField.SHA1_FINGERPRINT, sha1Fingerprint);
        fields.put(SummaryField.SUBJECT_ALTERNATIVE_NAMES, String.join(", ", subjectAlternativeNames));
        fields.put(SummaryField.KEY_ALGORITHM, keyAlgorithm);
        fields.put(SummaryField.KEY_SIZE, keySize);
        fields.put(SummaryField.SIGNATURE_ALGORITHM, signatureAlgorithm);
        fields.put(SummaryField.KEY_USAGE, String.join(", ", keyUsage));
        fields.put(SummaryField.EXTENDED_KEY_USAGE, String.join(", ", extendedKeyUsage));
        fields.put(SummaryField.BASIC_CONSTRAINTS, basicConstraints);
        fields.put(SummaryField.SELF_SIGNED, Messages.format(selfSigned ? "YES" : "NO"));
        return fields;
    }

    /**
     * The fields whose display text is identical across all the given summaries, in {@link SummaryField}
     * order: what a view of several selected certificates shows, so that the differing fields stand out
     * by their absence. Empty for an empty selection.
     */
    public static Map<SummaryField, String> commonFields(Collection<CertificateSummary> selection) {
        return IdenticalFields.of(selection.stream().map(CertificateSummary::fields).toList());
    }
}
