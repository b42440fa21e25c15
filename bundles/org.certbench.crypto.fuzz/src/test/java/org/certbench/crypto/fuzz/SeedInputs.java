package org.certbench.crypto.fuzz;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.DSAParams;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.DSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.certbench.crypto.CertificationRequests;
import org.certbench.crypto.CsrOptions;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.KeyPurpose;
import org.certbench.crypto.PrivateKeys;
import org.certbench.crypto.SelfSignedCertificates;
import org.certbench.crypto.SubjectAlternativeName;

/**
 * Writes the seed inputs of {@link ReaderFuzzTest}: certificates, keys and CSRs in every encoding the readers
 * accept, made here with BouncyCastle and the crypto core itself (no file of unknown origin), plus each kind
 * given to the wrong reader. Keys are fresh on every run, so the files differ between runs; any set is fine.
 * <p>
 * Run from the module folder, after compiling the tests (see README.md):
 * {@code java -cp <test classpath> org.certbench.crypto.fuzz.SeedInputs src/test/resources}
 * <p>
 * It also writes the {@code regression-*} inputs of bugs found while fuzzing (README.md). Jazzer adds its own
 * findings as {@code crash-*} or {@code timeout-*} files; the generator leaves those alone.
 */
public final class SeedInputs {

    private static final String INPUTS = "org/certbench/crypto/fuzz/ReaderFuzzTestInputs/";
    private static final Instant NOT_BEFORE = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant NOT_AFTER = Instant.parse("2035-06-01T12:00:00Z");

    private final Path certificates;
    private final Path keys;
    private final Path requests;

    private SeedInputs(Path resources) throws IOException {
        certificates = Files.createDirectories(resources.resolve(INPUTS + "certificateReader"));
        keys = Files.createDirectories(resources.resolve(INPUTS + "privateKeyReader"));
        requests = Files.createDirectories(resources.resolve(INPUTS + "csrReader"));
    }

    public static void main(String[] args) throws Exception {
        new SeedInputs(Path.of(args.length > 0 ? args[0] : "src/test/resources")).write();
    }

    private void write() throws Exception {
        KeyPair ec = generate("EC", 256);
        KeyPair rsa = generate("RSA", 2048);
        KeyPair ed25519 = generate("Ed25519", 0);
        KeyPair dsa = generate("DSA", 2048);
        HostIdentity host = new HostIdentity("agent01", "agent01.example.com",
                List.of(InetAddress.getByName("192.0.2.10"), InetAddress.getByName("2001:db8::10")));

        // Certificates: CA certificates (what the import wizard reads), a host certificate, several blocks.
        byte[] ecCa = caCertificate("O=Fuzz,CN=Fuzz EC CA", ec, "SHA256withECDSA");
        byte[] rsaCa = caCertificate("C=CZ,O=Fuzz,OU=Seeds,CN=Fuzz RSA CA", rsa, "SHA256withRSA");
        byte[] edCa = caCertificate("CN=Fuzz Ed25519 CA", ed25519, "Ed25519");
        byte[] dsaCa = caCertificate("CN=Fuzz DSA CA", dsa, "SHA256withDSA");
        byte[] host256 = SelfSignedCertificates.create(host, ec, NOT_BEFORE, Duration.ofDays(825),
                EnumSet.of(KeyPurpose.SERVER_AUTH, KeyPurpose.CLIENT_AUTH)).der();
        write(certificates, "seed-ec-ca.der", ecCa);
        write(certificates, "seed-ec-ca.pem", pem("CERTIFICATE", ecCa));
        write(certificates, "seed-rsa-ca-crlf-with-text.pem",
                ("Subject: Fuzz RSA CA\r\n" + pem("CERTIFICATE", rsaCa).replace("\n", "\r\n") + "trailing text\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        write(certificates, "seed-ed25519-ca.der", edCa);
        write(certificates, "seed-dsa-ca.pem", pem("CERTIFICATE", dsaCa));
        write(certificates, "seed-host-ec.pem", pem("CERTIFICATE", host256));
        write(certificates, "seed-two-certificates.pem", (pem("CERTIFICATE", host256) + pem("CERTIFICATE", ecCa))
                .getBytes(StandardCharsets.US_ASCII));
        write(certificates, "seed-trusted-certificate.pem", pem("TRUSTED CERTIFICATE", concat(ecCa,
                new DERSequence(new ASN1Encodable[0]).getEncoded("DER"))));

        // Private keys: PKCS#8 (PEM and DER), PKCS#1, SEC1, OpenSSL DSA, and the two encrypted forms.
        byte[] rsaPkcs1 = PrivateKeyInfo.getInstance(rsa.getPrivate().getEncoded()).parsePrivateKey()
                .toASN1Primitive().getEncoded("DER");
        byte[] ecSec1 = sec1WithCurve(ec);
        write(keys, "seed-ec-pkcs8.pem", PrivateKeys.toPem(ec.getPrivate()).getBytes(StandardCharsets.US_ASCII));
        write(keys, "seed-ec-pkcs8.der", PrivateKeys.toDer(ec.getPrivate()));
        write(keys, "seed-ec-sec1.pem", pem("EC PRIVATE KEY", ecSec1));
        write(keys, "seed-ec-sec1.der", ecSec1);
        write(keys, "seed-rsa-pkcs1.pem", pem("RSA PRIVATE KEY", rsaPkcs1));
        write(keys, "seed-rsa-pkcs8.der", PrivateKeys.toDer(rsa.getPrivate()));
        write(keys, "seed-ed25519-pkcs8.pem", PrivateKeys.toPem(ed25519.getPrivate()).getBytes(StandardCharsets.US_ASCII));
        write(keys, "seed-dsa-openssl.pem", pem("DSA PRIVATE KEY", openSslDsa(dsa)));
        write(keys, "seed-dsa-pkcs8.der", PrivateKeys.toDer(dsa.getPrivate()));
        write(keys, "seed-legacy-encrypted.pem", legacyEncrypted(rsaPkcs1));
        write(keys, "seed-encrypted-pkcs8.pem", pem("ENCRYPTED PRIVATE KEY", encryptedPkcs8Shape()));
        write(keys, "seed-certificate-instead.pem", pem("CERTIFICATE", ecCa));

        // CSRs as the crypto core writes them, RSA and EC, with and without subject attributes.
        CsrOptions full = CsrOptions.defaults().withOrganization("Fuzz s.r.o.").withOrganizationalUnit("Seeds")
                .withCountry("CZ").withState("Jihomoravsky kraj").withLocality("Brno")
                .withAlternativeNames(SubjectAlternativeName.parseList("agent01.example.com, 198.51.100.7"));
        byte[] ecCsr = CertificationRequests.create(host, CsrOptions.defaults(), ec).der();
        write(requests, "seed-ec.der", ecCsr);
        write(requests, "seed-ec.pem", pem("CERTIFICATE REQUEST", ecCsr));
        write(requests, "seed-rsa-attributes.pem",
                CertificationRequests.create(host, full, rsa).pem().getBytes(StandardCharsets.US_ASCII));
        write(requests, "seed-ed25519.pem", pem("NEW CERTIFICATE REQUEST",
                CertificationRequests.create(host, CsrOptions.defaults(), ed25519).der()));
        write(requests, "seed-key-instead.pem", PrivateKeys.toPem(ec.getPrivate()).getBytes(StandardCharsets.US_ASCII));

        // Each reader also gets the other readers' content, which it must refuse by name.
        write(certificates, "seed-csr-instead.der", ecCsr);
        write(certificates, "seed-key-instead.pem", pem("RSA PRIVATE KEY", rsaPkcs1));
        write(keys, "seed-csr-instead.pem", pem("CERTIFICATE REQUEST", ecCsr));
        write(requests, "seed-certificate-instead.der", rsaCa);

        // Regression inputs (kept in the build): DSA numbers far beyond any real key, which made the readers
        // exponentiate for minutes (8 KB key: 12 s, 16 KB: 56 s, 1 MiB: days) before KeyAlgorithms' DSA limits.
        DSAParameter huge = hugeDsaParameters(32_768);
        write(keys, "regression-dsa-huge-parameters.der", new DERSequence(new ASN1Encodable[] { new ASN1Integer(0),
                new ASN1Integer(huge.getP()), new ASN1Integer(huge.getQ()), new ASN1Integer(huge.getG()),
                new ASN1Integer(BigInteger.TWO), new ASN1Integer(huge.getQ().subtract(BigInteger.ONE)) })
                .getEncoded("DER"));
        // BouncyCastle itself refuses DSA public keys over 16,384 bits quickly; up to there it validated them slowly.
        DSAParameter large = hugeDsaParameters(16_384);
        SubjectPublicKeyInfo hugeKey = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_dsa, large),
                new ASN1Integer(large.getG().subtract(BigInteger.ONE)));
        X500Name hugeName = new X500Name("CN=Huge DSA CA");
        X509v3CertificateBuilder hugeCa = new X509v3CertificateBuilder(hugeName, BigInteger.ONE, Date.from(NOT_BEFORE),
                Date.from(NOT_AFTER), hugeName, hugeKey);
        hugeCa.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        write(certificates, "regression-dsa-huge-parameters.pem", pem("CERTIFICATE",
                hugeCa.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ec.getPrivate())).getEncoded()));
        write(requests, "regression-dsa-huge-parameters.pem", pem("CERTIFICATE REQUEST",
                new PKCS10CertificationRequestBuilder(hugeName, hugeKey)
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ec.getPrivate())).getEncoded()));
    }

    /** Odd numbers of the given size in the places of p, q and g (not a real group: size is the point). */
    private static DSAParameter hugeDsaParameters(int bits) {
        java.util.Random random = new java.util.Random(bits);
        BigInteger p = new BigInteger(bits, random).setBit(bits - 1).setBit(0);
        BigInteger q = new BigInteger(bits - 1, random).setBit(bits - 2).setBit(0);
        BigInteger g = new BigInteger(bits - 2, random).setBit(bits - 3);
        return new DSAParameter(p, q, g);
    }

    private static KeyPair generate(String algorithm, int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (bits > 0) {
            generator.initialize(bits);
        }
        return generator.generateKeyPair();
    }

    private static byte[] caCertificate(String subject, KeyPair key, String signatureAlgorithm) throws Exception {
        X500Name name = new X500Name(subject);
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                Date.from(NOT_BEFORE), Date.from(NOT_AFTER), name,
                SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "ca.fuzz.example")));
        return builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(key.getPrivate())).getEncoded();
    }

    /** SEC1 as OpenSSL writes it: with the curve's OID and the public point (Java's PKCS#8 leaves both out). */
    private static byte[] sec1WithCurve(KeyPair ec) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getPrivate().getEncoded());
        BigInteger d = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(ec.getPublic().getEncoded());
        return new org.bouncycastle.asn1.sec.ECPrivateKey(256, d, publicKey.getPublicKeyData(),
                info.getPrivateKeyAlgorithm().getParameters()).getEncoded("DER");
    }

    /** OpenSSL's traditional DSA key: SEQUENCE { 0, p, q, g, y, x }. */
    private static byte[] openSslDsa(KeyPair dsa) throws IOException {
        DSAParams params = ((DSAPrivateKey) dsa.getPrivate()).getParams();
        return new DERSequence(new ASN1Encodable[] { new ASN1Integer(0), new ASN1Integer(params.getP()),
                new ASN1Integer(params.getQ()), new ASN1Integer(params.getG()),
                new ASN1Integer(((DSAPublicKey) dsa.getPublic()).getY()),
                new ASN1Integer(((DSAPrivateKey) dsa.getPrivate()).getX()) }).getEncoded("DER");
    }

    /** The PEM layout OpenSSL writes for a passphrase-protected traditional key (content not really encrypted). */
    private static byte[] legacyEncrypted(byte[] content) throws IOException {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            PemObject object = new PemObject("RSA PRIVATE KEY",
                    List.of(new org.bouncycastle.util.io.pem.PemHeader("Proc-Type", "4,ENCRYPTED"),
                            new org.bouncycastle.util.io.pem.PemHeader("DEK-Info", "AES-128-CBC,00112233445566778899AABBCCDDEEFF")),
                    content);
            writer.writeObject(object);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** EncryptedPrivateKeyInfo's shape: SEQUENCE { AlgorithmIdentifier, OCTET STRING }. */
    private static byte[] encryptedPkcs8Shape() throws IOException {
        return new DERSequence(new ASN1Encodable[] { new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2),
                new DEROctetString(new byte[64]) }).getEncoded("DER");
    }

    private static String pem(String type, byte[] der) throws IOException {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(type, der));
        }
        return text.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void write(Path folder, String name, String text) throws IOException {
        write(folder, name, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void write(Path folder, String name, byte[] content) throws IOException {
        Files.write(folder.resolve(name), content);
    }
}
