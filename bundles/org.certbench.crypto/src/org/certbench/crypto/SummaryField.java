package org.certbench.crypto;

import org.certbench.crypto.internal.Messages;

/** The fields of a {@link CertificateSummary}, in display order, each with its administrator-facing label. */
public enum SummaryField {
    /** Labelled &ldquo;Subject&rdquo;. */
    SUBJECT,
    /** Labelled &ldquo;Issuer&rdquo;. */
    ISSUER,
    /** Labelled &ldquo;Common Name&rdquo;. */
    COMMON_NAME,
    /** Labelled &ldquo;Issuer Common Name&rdquo;. */
    ISSUER_COMMON_NAME,
    /** Labelled &ldquo;Serial number&rdquo;. */
    SERIAL_NUMBER,
    /** Labelled &ldquo;Valid from&rdquo;. */
    NOT_BEFORE,
    /** Labelled &ldquo;Expires on&rdquo;. */
    NOT_AFTER,
    /** Labelled &ldquo;SHA-256 fingerprint&rdquo;. */
    SHA256_FINGERPRINT,
    /** Labelled &ldquo;SHA-1 fingerprint&rdquo;. */
    SHA1_FINGERPRINT,
    /** Labelled &ldquo;Subject alternative names&rdquo;. */
    SUBJECT_ALTERNATIVE_NAMES,
    /** Labelled &ldquo;Key algorithm&rdquo;. */
    KEY_ALGORITHM,
    /** Labelled &ldquo;Key size&rdquo;. */
    KEY_SIZE,
    /** Labelled &ldquo;Signature algorithm&rdquo;. */
    SIGNATURE_ALGORITHM,
    /** Labelled &ldquo;Key usage&rdquo;. */
    KEY_USAGE,
    /** Labelled &ldquo;Extended key usage&rdquo;. */
    EXTENDED_KEY_USAGE,
    /** Labelled &ldquo;Basic constraints&rdquo;. */
    BASIC_CONSTRAINTS,
    /** Labelled &ldquo;Self-signed&rdquo;. */
    SELF_SIGNED;

    /** {@return the label administrators read, from the crypto core's messages in the default locale} */
    public String label() {
        return Messages.format("FIELD_" + name());
    }
}
