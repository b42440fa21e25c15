package org.certbench.crypto.internal;

/** What one PEM block or DER structure of a file holds, decided before it is parsed in detail. */
public enum ItemKind {
    CERTIFICATE,
    CSR,
    PKCS8_KEY,
    PKCS1_RSA_KEY,
    SEC1_EC_KEY,
    OPENSSL_DSA_KEY,
    ENCRYPTED_PKCS8_KEY,
    LEGACY_ENCRYPTED_KEY,
    OTHER;

    public boolean isPrivateKey() {
        return this == PKCS8_KEY || this == PKCS1_RSA_KEY || this == SEC1_EC_KEY || this == OPENSSL_DSA_KEY
                || isEncryptedKey();
    }

    public boolean isEncryptedKey() {
        return this == ENCRYPTED_PKCS8_KEY || this == LEGACY_ENCRYPTED_KEY;
    }
}
