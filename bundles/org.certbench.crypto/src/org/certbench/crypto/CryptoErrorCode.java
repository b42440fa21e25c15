package org.certbench.crypto;

import org.certbench.crypto.internal.Messages;

/**
 * What went wrong, independent of the wording. Callers branch on the code (for example to choose an exit
 * status or a JSON error code) and show {@link CertBenchCryptoException#getMessage()} to the administrator.
 */
public enum CryptoErrorCode {
    INPUT_TOO_LARGE,
    FILE_UNREADABLE,
    UNSUPPORTED_FILE_TYPE,
    EMPTY_INPUT,
    NO_CERTIFICATE,
    PRIVATE_KEY_INSTEAD_OF_CERTIFICATE,
    CSR_INSTEAD_OF_CERTIFICATE,
    NOT_PEM_OR_DER,
    TRUNCATED_DER,
    DAMAGED_PEM,
    MALFORMED_CERTIFICATE,
    NO_PRIVATE_KEY,
    CERTIFICATE_INSTEAD_OF_KEY,
    CSR_INSTEAD_OF_KEY,
    MALFORMED_PRIVATE_KEY,
    PASSPHRASE_PROTECTED_KEY,
    UNSUPPORTED_KEY_ALGORITHM,
    CERTIFICATE_AND_KEY_SWAPPED,
    KEY_MISMATCH,
    NO_CSR,
    MALFORMED_CSR,
    INVALID_ALTERNATIVE_NAME,
    INVALID_COUNTRY,
    EMPTY_COMMON_NAME,
    SIGNING_FAILED,
    KEY_GENERATION_FAILED,
    CERTIFICATE_REJECTED,
    NOT_YET_VALID,
    EXPIRED,
    BASIC_CONSTRAINTS_MISSING,
    NOT_A_CA,
    WEAK_KEY,
    WEAK_SIGNATURE,
    CA_INVALID,
    ISSUER_MISMATCH,
    SIGNATURE_NOT_BY_CA,
    KEY_NOT_MATCHING_OWNER,
    EXTENDED_KEY_USAGE_MISSING,
    SERVER_AUTH_MISSING;

    /** The administrator's text for this code with the given arguments filled in. */
    public String message(Object... arguments) {
        return Messages.format(name(), arguments);
    }
}
