package org.certbench.crypto;

import org.certbench.crypto.internal.Messages;

/** The fields of a {@link CertificateSummary}, in display order, each with its administrator-facing label. */
public enum SummaryField {
    SUBJECT,
    ISSUER,
    COMMON_NAME,
    ISSUER_COMMON_NAME,
    SERIAL_NUMBER,
    NOT_BEFORE,
    NOT_AFTER,
    SHA256_FINGERPRINT,
    SHA1_FINGERPRINT,
    SUBJECT_ALTERNATIVE_NAMES,
    KEY_ALGORITHM,
    KEY_SIZE,
    SIGNATURE_ALGORITHM,
    KEY_USAGE,
    EXTENDED_KEY_USAGE,
    BASIC_CONSTRAINTS,
    SELF_SIGNED;

    public String label() {
        return Messages.format("FIELD_" + name());
    }
}
