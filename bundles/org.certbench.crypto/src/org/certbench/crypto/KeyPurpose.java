package org.certbench.crypto;

/** Extended key usages CertBench puts into the certificates and CSRs it makes. */
public enum KeyPurpose {
    /** TLS server: every host and agent certificate. */
    SERVER_AUTH,
    /** TLS client: the console's certificate that agents accept for management requests. */
    CLIENT_AUTH
}
