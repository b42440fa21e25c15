package org.certbench.crypto;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;

import org.certbench.crypto.internal.BoundedInput;
import org.certbench.crypto.internal.NativeProvider;
import org.certbench.crypto.internal.Pem;
import org.certbench.crypto.internal.PrivateKeyParser;

/**
 * Reads, generates and writes private keys. Keys are returned as JDK key objects (with the public half
 * derived from the private key) so that KeyStore and SSLContext take them as they are.
 */
public final class PrivateKeys {

    private PrivateKeys() {
    }

    /**
     * Reads the first private key of a file: PKCS#8, PKCS#1 (RSA), SEC1 (EC) or OpenSSL DSA, PEM or DER.
     *
     * @throws PassphraseProtectedKeyException for encrypted PKCS#8 and {@code Proc-Type: 4,ENCRYPTED} keys
     * @throws WrongContentException           when the file holds a certificate or CSR instead
     */
    public static KeyPair read(Path file) throws CertBenchCryptoException {
        return read(BoundedInput.read(file), file.toString());
    }

    /** As {@link #read(Path)}; {@code sourceName} names the content in messages. */
    public static KeyPair read(byte[] content, String sourceName) throws CertBenchCryptoException {
        return PrivateKeyParser.read(content, sourceName);
    }

    /**
     * Generates a new key pair, with the native provider where it offers the type.
     * @throws CertBenchCryptoException with {@link CryptoErrorCode#KEY_GENERATION_FAILED} when no provider can
     */
    public static KeyPair generate(KeyType type) throws CertBenchCryptoException {
        try {
            Optional<KeyPairGenerator> nativeGenerator = NativeProvider.keyPairGenerator(type.algorithm());
            KeyPairGenerator generator = nativeGenerator.isPresent() ? nativeGenerator.get()
                    : KeyPairGenerator.getInstance(type.algorithm());
            if (type.isRsa()) {
                generator.initialize(type.bits());
            } else {
                generator.initialize(new ECGenParameterSpec(type == KeyType.EC_P384 ? "secp384r1" : "secp256r1"));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CertBenchCryptoException(e, CryptoErrorCode.KEY_GENERATION_FAILED, type.displayName(),
                    String.valueOf(e.getMessage()));
        }
    }

    /** Unencrypted PKCS#8 PEM ("BEGIN PRIVATE KEY"), which OpenSSL, nginx, PostgreSQL and Java all read. */
    public static String toPem(PrivateKey key) {
        return Pem.encode("PRIVATE KEY", key.getEncoded());
    }

    /** Unencrypted PKCS#8 DER. */
    public static byte[] toDer(PrivateKey key) {
        return key.getEncoded();
    }

    /** SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY"). */
    public static String publicKeyPem(KeyPair keyPair) {
        return Pem.encode("PUBLIC KEY", keyPair.getPublic().getEncoded());
    }
}
