package org.certbench.crypto;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

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

    /**
     * The key type an administrator named, in a setting, an option or a request: {@code P-256}, {@code p384},
     * {@code RSA 2048}, {@code rsa_4096} … Case, spaces, hyphens and underscores do not count. This is the one
     * place that reads a key type's name, so a setting, a shell option and an agent accept the same names.
     *
     * @param name what the administrator wrote
     * @return the key type of that name
     * @throws UnsupportedKeyException {@link CryptoErrorCode#UNKNOWN_KEY_TYPE}, in words naming the known types,
     *                                 for a name that is none of them (or {@code null})
     */
    public static KeyType named(String name) throws UnsupportedKeyException {
        String wanted = compact(name == null ? "" : name); //$NON-NLS-1$
        for (KeyType type : values()) {
            if (compact(type.displayName).equals(wanted)) {
                return type;
            }
        }
        throw new UnsupportedKeyException(CryptoErrorCode.UNKNOWN_KEY_TYPE, name == null ? "" : name.strip(), //$NON-NLS-1$
                names());
    }

    /** {@return the names of all key types as administrators read them, for messages: "P-256, P-384, RSA 2048, …"} */
    public static String names() {
        return Arrays.stream(values()).map(KeyType::displayName).collect(Collectors.joining(", ")); //$NON-NLS-1$
    }

    private static String compact(String name) {
        return name.replaceAll("[\\s_-]", "").toUpperCase(Locale.ROOT); //$NON-NLS-1$ //$NON-NLS-2$
    }
}
