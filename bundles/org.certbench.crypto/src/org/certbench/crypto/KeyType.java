package org.certbench.crypto;

/**
 * Key types CertBench generates. {@link #DEFAULT} is EC P-256: as strong as RSA-3072 for TLS, generated in
 * ≈ 18 ms instead of ≈ 420 ms, and signing is over ten times faster (ARCHITECTURE.md §7), which counts when
 * a fleet of agents re-keys at once. RSA stays available for clients that cannot do ECDSA.
 */
public enum KeyType {
    EC_P256("EC", 256, "P-256"),
    EC_P384("EC", 384, "P-384"),
    RSA_2048("RSA", 2048, "RSA 2048"),
    RSA_3072("RSA", 3072, "RSA 3072"),
    RSA_4096("RSA", 4096, "RSA 4096");

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

    public int bits() {
        return bits;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isRsa() {
        return "RSA".equals(algorithm);
    }
}
