package org.certbench.crypto.bench;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.certbench.crypto.CryptoProviders;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.KeyType;

/** Keys, a host identity and distinct CA certificates for the benchmarks; all generated, none stored. */
final class BenchmarkFixtures {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private BenchmarkFixtures() {
    }

    /**
     * {@code "native"}: the crypto core and JSSE use AWS-LC from now on (JMH forks a JVM per parameter set, so
     * a {@code "java"} run next to it never has it); {@code "java"}: the JDK and BouncyCastle.
     */
    static void useCrypto(String crypto) {
        if ("native".equals(crypto) && !CryptoProviders.useNative()) {
            throw new IllegalStateException("the native provider did not load: " + CryptoProviders.status());
        }
    }

    static KeyPair keyPair(KeyType type) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(type.algorithm());
        if (type.isRsa()) {
            generator.initialize(type.bits());
        } else {
            generator.initialize(new ECGenParameterSpec(type == KeyType.EC_P384 ? "secp384r1" : "secp256r1"));
        }
        return generator.generateKeyPair();
    }

    static HostIdentity host() {
        try {
            return new HostIdentity("agent01", "agent01.example.com",
                    List.of(InetAddress.getByName("192.0.2.10"), InetAddress.getByName("2001:db8::10")));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code count} self-signed CA certificates that differ in serial, subject and key identifier, the shape of a
     * typical private CA (≈ 0.9 KB DER with an RSA-2048 key). Distinct bytes, so no parser cache can help.
     */
    static byte[][] distinctCaCertificates(int count, KeyType type) throws Exception {
        KeyPair key = keyPair(type);
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded());
        ContentSigner signer = null;
        byte[][] certificates = new byte[count][];
        BcX509ExtensionUtils utils = new BcX509ExtensionUtils();
        for (int i = 0; i < count; i++) {
            X500Name name = new X500Name("C=CZ,O=CertBench Benchmarks,OU=Unit " + i + ",CN=CertBench Bench CA " + i);
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, BigInteger.valueOf(1_000_000L + i),
                    Date.from(NOW.minusSeconds(86_400L * 365 + i)), Date.from(NOW.plusSeconds(86_400L * 3650 + i)), name,
                    publicKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, "ca" + i + ".bench.example")));
            signer = new JcaContentSignerBuilder(type.isRsa() ? "SHA256withRSA" : "SHA256withECDSA")
                    .build(key.getPrivate());
            certificates[i] = builder.build(signer).getEncoded();
        }
        return certificates;
    }
}
