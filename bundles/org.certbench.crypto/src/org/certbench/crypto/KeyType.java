package org.certbench.crypto;

/**
 * Key types CertBench generates. {@link #DEFAULT} is EC P-256: as strong as RSA-3072 for TLS, generated in
 * ≈ 18 ms instead of ≈ 420 ms, and signing is over ten times faster (ARCHITECTURE.md §7), which counts when
 * a fleet of agents re-keys at once. RSA stays available for clients that cannot do ECDSA.
 */
public enum KeyType {
    /** Elliptic curve P-256 (secp256r1): the default. */
    EC_P256("EC", 256, "P-256"),
    /** Elliptic curve P-384 (secp384r1). */
    EC_P384("EC", 384, "P-384"),
    /** RSA with a 2048-bit modulus, the least CertBench accepts. */
    RSA_2048("RSA", 2048, "RSA 2048"),
    /** RSA with a 3072-bit modulus. */
    RSA_3072("RSA", 3072, "RSA 3072"),
    /** RSA with a 4096-bit modulus. */
    RSA_4096("RSA", 4096, "RSA 4096");

    /** The key type used when none is chosen. */
    public static final KeyType DEFAULT = EC_P256;

    private final String algorithm;
    private final int bits;
    private final String displayName;

    KeyType(String algorithm, int bits, String displayName) {
        this.algorithm = algorithm;
        this.bits = bits;
        this.displayName = displayName;
    }

    /** The JCA algorithm name, "EC" or "RSA". */
    public String algorithm() {
        return algorithm;
    }

    /** {@return the key size in bits: the modulus for RSA, the field size for EC} */
    public int bits() {
        return bits;
    }

    /** {@return the name administrators read, e.g. {@code P-256} or {@code RSA 2048}} */
    public String displayName() {
        return displayName;
    }

    /** {@return whether this is an RSA key type} */
    public boolean isRsa() {
        return "RSA".equals(algorithm);
    }
}
