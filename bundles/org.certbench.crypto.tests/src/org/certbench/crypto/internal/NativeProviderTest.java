package org.certbench.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.certbench.crypto.CertificationRequests;
import org.certbench.crypto.CryptoProviders;
import org.certbench.crypto.CsrOptions;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.PrivateKeys;
import org.certbench.testing.pki.Openssl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The native provider (AWS-LC) and the JDK/BouncyCastle path must be interchangeable: each one's signatures
 * are checked by the other, since a certificate signed here is checked anywhere.
 */
class NativeProviderTest {

    @TempDir
    Path work;

    private static final Optional<Provider> JAVA_ONLY = Optional.empty();

    @BeforeAll
    static void useNative() {
        // the product is built for linux-x86_64 only, where ACCP ships: there it must load
        assertEquals("amd64", System.getProperty("os.arch"));
        assertTrue(CryptoProviders.useNative(), CryptoProviders.status());
    }

    @Test
    void saysWhatItUsesAndIsFirstForTlsOnceOnly() {
        assertTrue(CryptoProviders.isNative());
        assertTrue(CryptoProviders.status().contains("AWS-LC"), CryptoProviders.status());
        assertTrue(CryptoProviders.useNative());

        Provider[] providers = Security.getProviders();
        assertSame(NativeProvider.provider().orElseThrow(), providers[0]);
        assertEquals(1, Arrays.stream(providers).filter(p -> p.getName().equals(providers[0].getName())).count());
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = { "EC_P256", "RSA_2048" })
    void requestsSignedNativelyAreVerifiedByOpenssl(KeyType type) throws Exception {
        KeyPair key = PrivateKeys.generate(type);
        assertTrue(NativeProvider.owns(key.getPrivate()));
        HostIdentity host = new HostIdentity("agent01", "agent01.example.com", List.of());
        Files.writeString(work.resolve("agent01.req"), CertificationRequests.create(host, CsrOptions.defaults(), key).pem());

        String text = Openssl.run(work, "req", "-in", "agent01.req", "-verify", "-noout", "-text");

        assertTrue(text.contains("verify OK"), text);
    }

    @Test
    void readAndGeneratedEcAndRsaKeysBelongToTheNativeProviderOthersDoNot() throws Exception {
        KeyPair ec = PrivateKeys.generate(KeyType.EC_P256);
        KeyPair rsa = PrivateKeys.read(PrivateKeys.toPem(PrivateKeys.generate(KeyType.RSA_2048).getPrivate())
                .getBytes(StandardCharsets.US_ASCII), "rsa.key");
        KeyPairGenerator ed = KeyPairGenerator.getInstance("Ed25519");
        KeyPair ed25519 = PrivateKeys.read(PrivateKeys.toPem(ed.generateKeyPair().getPrivate())
                .getBytes(StandardCharsets.US_ASCII), "ed.key");

        assertTrue(NativeProvider.owns(ec.getPrivate()));
        assertTrue(NativeProvider.owns(rsa.getPrivate()));
        assertFalse(NativeProvider.owns(ed25519.getPrivate()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "secp256r1", "secp384r1", "secp521r1", "RSA" })
    void signaturesMadeByEitherPathAreCheckedByBoth(String keyKind) throws Exception {
        KeyPair jdkKey = jdkKey(keyKind); // a foreign key: the native path converts it
        SubjectPublicKeyInfo publicKey = PublicKeys.info(jdkKey.getPublic());
        Optional<Provider> nativeProvider = NativeProvider.provider();

        for (Optional<Provider> signer : List.of(nativeProvider, JAVA_ONLY)) {
            X509CertificateHolder certificate = selfSigned(jdkKey, publicKey, signer);
            for (Optional<Provider> checker : List.of(nativeProvider, JAVA_ONLY)) {
                String what = keyKind + " signed " + (signer.isPresent() ? "natively" : "in Java") + ", checked "
                        + (checker.isPresent() ? "natively" : "in Java");
                assertTrue(Signers.isSignedBy(certificate, publicKey, checker), what);
                assertFalse(Signers.isSignedBy(tampered(certificate), publicKey, checker), what + " (tampered)");
                assertFalse(Signers.isSignedBy(certificate, PublicKeys.info(jdkKey(keyKind).getPublic()), checker),
                        what + " (another key)");
            }
        }
    }

    /** Signatures the native provider does not make are still checked, by BouncyCastle, not refused. */
    @ParameterizedTest
    @ValueSource(strings = { "SHA256withRSAandMGF1", "SHA1withRSA", "SHA3-256withRSA" })
    void rsaSignaturesTheNativeProviderCannotCheckAreCheckedInJava(String algorithm) throws Exception {
        KeyPair key = jdkKey("RSA");
        SubjectPublicKeyInfo publicKey = PublicKeys.info(key.getPublic());
        X500Name name = new X500Name("CN=" + algorithm);
        X509CertificateHolder certificate = new X509v3CertificateBuilder(name, BigInteger.ONE, new Date(),
                new Date(System.currentTimeMillis() + 86_400_000L), name, publicKey)
                .build(new JcaContentSignerBuilder(algorithm).setProvider(BouncyCastle.PROVIDER).build(key.getPrivate()));

        assertTrue(Signers.isSignedBy(certificate, publicKey, NativeProvider.provider()), algorithm);
        assertFalse(Signers.isSignedBy(tampered(certificate), publicKey, NativeProvider.provider()), algorithm);
    }

    private static KeyPair jdkKey(String kind) throws Exception {
        if (kind.equals("RSA")) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec(kind));
        return generator.generateKeyPair();
    }

    private static X509CertificateHolder selfSigned(KeyPair key, SubjectPublicKeyInfo publicKey,
            Optional<Provider> signer) throws Exception {
        X500Name name = new X500Name("CN=native provider test");
        return new X509v3CertificateBuilder(name, BigInteger.TEN, new Date(), new Date(System.currentTimeMillis() + 86_400_000L),
                name, publicKey).build(Signers.signer(key.getPrivate(), publicKey, signer));
    }

    /** The same certificate with one bit of its signature flipped. */
    private static X509CertificateHolder tampered(X509CertificateHolder certificate) throws Exception {
        byte[] encoded = certificate.getEncoded();
        encoded[encoded.length - 3] ^= 0x01;
        return new X509CertificateHolder(encoded);
    }
}
