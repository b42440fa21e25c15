package org.certbench.agents.protocol;

/**
 * What consoles and agents offer each other in a TLS handshake, in one place for both ends. Both are CertBench, so
 * the lists hold only what TLS 1.3 uses: left to its defaults, JSSE checks some thirty cipher suites and all its
 * signature schemes against its algorithm constraints on every handshake (≈ 8 % of an agent's CPU in a fleet
 * renewal, by a flight recording).
 */
public final class TlsChoices {

    private static final String[] PROTOCOLS = { "TLSv1.3" };

    /** TLS 1.3's suites, AES-128 first: the shorter transcript hash, and as strong as a handshake's P-256 key. */
    private static final String[] CIPHER_SUITES = { "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256" };

    /**
     * The signature schemes the JDK offers for TLS 1.3 anyway, in its order: ECDSA, EdDSA and RSA-PSS for the
     * handshake's signatures; for certificates' signatures also RSA PKCS #1 v1.5 with SHA-2 and, last, ECDSA and RSA
     * with SHA-1 (an older CA's certificate stays usable; TLS 1.3 never signs a handshake with them). Named here
     * because without a list JSSE walks its whole table of schemes, TLS 1.2's and DSA's included, on every handshake.
     */
    private static final String[] SIGNATURE_SCHEMES = { "ecdsa_secp256r1_sha256", "ecdsa_secp384r1_sha384",
            "ecdsa_secp521r1_sha512", "ed25519", "ed448", "rsa_pss_rsae_sha256", "rsa_pss_rsae_sha384",
            "rsa_pss_rsae_sha512", "rsa_pss_pss_sha256", "rsa_pss_pss_sha384", "rsa_pss_pss_sha512", "rsa_pkcs1_sha256",
            "rsa_pkcs1_sha384", "rsa_pkcs1_sha512", "ecdsa_sha1", "rsa_pkcs1_sha1" };

    private TlsChoices() {
    }

    /** {@return the protocol versions, for {@code SSLParameters.setProtocols}: TLS 1.3 alone} */
    public static String[] protocols() {
        return PROTOCOLS.clone();
    }

    /** {@return the cipher suites in order of preference, for {@code SSLParameters.setCipherSuites}} */
    public static String[] cipherSuites() {
        return CIPHER_SUITES.clone();
    }

    /** {@return the signature schemes in order of preference, for {@code SSLParameters.setSignatureSchemes}} */
    public static String[] signatureSchemes() {
        return SIGNATURE_SCHEMES.clone();
    }
}
