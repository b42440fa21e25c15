package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.certbench.crypto.internal.BouncyCastle;
import org.certbench.crypto.internal.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.certbench.testing.pki.Openssl;
import org.certbench.testing.pki.PkiFixtures;

class CertificateReadingTest {

    private static final byte[] DER = PkiFixtures.certificate("O=CertBench,CN=First CA").ca(true).build();
    private static final byte[] OTHER_DER = PkiFixtures.certificate("CN=Second CA").ca(true).build();

    @TempDir
    Path dir;

    private static String pem(byte[] der) {
        return Pem.encode("CERTIFICATE", der);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void readsPem() throws Exception {
        CertificateReadResult result = Certificates.read(ascii(pem(DER)), "ca.pem");

        assertArrayEquals(DER, result.certificate().der());
        assertEquals(CertificateEncoding.PEM, result.encoding());
        assertEquals(1, result.certificatesInFile());
        assertFalse(result.onlyFirstUsed());
        assertTrue(result.notices().isEmpty());
    }

    @Test
    void readsPemWithTextAroundAndCrlfLineEnds() throws Exception {
        String text = "Subject: CN=First CA\nIssuer: whoever\n\n" + pem(DER) + "\ntrailing remarks\n";

        CertificateReadResult result = Certificates.read(ascii(text.replace("\n", "\r\n")), "ca.crt");

        assertArrayEquals(DER, result.certificate().der());
    }

    @Test
    void usesOnlyTheFirstOfSeveralCertificatesAndSaysSo() throws Exception {
        CertificateReadResult result = Certificates.read(ascii(pem(DER) + pem(OTHER_DER)), "chain.pem");

        assertArrayEquals(DER, result.certificate().der());
        assertEquals(2, result.certificatesInFile());
        assertTrue(result.onlyFirstUsed());
        assertEquals(1, result.notices().size());
        assertTrue(result.notices().get(0).contains("only the first certificate of the file is used"),
                result.notices().get(0));
        assertEquals("The file chain.pem holds 2 certificates: only the first certificate of the file is used.",
                result.notices().get(0));
    }

    @Test
    void readsDer() throws Exception {
        CertificateReadResult result = Certificates.read(DER, "ca.der");

        assertArrayEquals(DER, result.certificate().der());
        assertEquals(CertificateEncoding.DER, result.encoding());
    }

    @Test
    void readsConcatenatedDerAsFirstOnly() throws Exception {
        byte[] both = Arrays.copyOf(DER, DER.length + OTHER_DER.length);
        System.arraycopy(OTHER_DER, 0, both, DER.length, OTHER_DER.length);

        CertificateReadResult result = Certificates.read(both, "two.der");

        assertArrayEquals(DER, result.certificate().der());
        assertTrue(result.onlyFirstUsed());
    }

    @ParameterizedTest
    @ValueSource(strings = { "ca.pem", "ca.crt", "CA.CRT", "ca.der" })
    void uploadRuleAcceptsPemCrtAndDerInEitherEncoding(String name) throws Exception {
        Files.write(dir.resolve(name), DER);
        Files.writeString(dir.resolve("text-" + name), pem(DER));

        assertArrayEquals(DER, Certificates.readUpload(dir.resolve(name)).certificate().der());
        assertArrayEquals(DER, Certificates.readUpload(dir.resolve("text-" + name)).certificate().der());
    }

    @Test
    void uploadRuleRefusesOtherExtensions() throws Exception {
        Files.write(dir.resolve("ca.txt"), DER);

        UnsupportedFileTypeException e = assertThrows(UnsupportedFileTypeException.class,
                () -> Certificates.readUpload(dir.resolve("ca.txt")));
        assertEquals("The file ca.txt is not supported. Only files with extensions .pem, .crt, or .der are supported.",
                e.getMessage());
        assertEquals(CryptoErrorCode.UNSUPPORTED_FILE_TYPE, e.code());
    }

    @Test
    void withoutUploadRuleAnyNameIsRead() throws Exception {
        Files.write(dir.resolve("ca.txt"), DER);

        assertArrayEquals(DER, Certificates.read(dir.resolve("ca.txt")).certificate().der());
    }

    @Test
    void refusesEmptyFile() {
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> Certificates.read(new byte[0], "empty.pem"));
        assertEquals("The file empty.pem is empty.", e.getMessage());
        assertEquals(CryptoErrorCode.EMPTY_INPUT, e.code());
        assertThrows(MalformedInputException.class, () -> Certificates.read(ascii(" \r\n\t\n"), "blank.pem"));
    }

    @Test
    void refusesTextWithoutCertificate() {
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> Certificates.read(ascii("just some notes\nno PEM here\n"), "notes.crt"));
        assertEquals("The file notes.crt contains no certificate.", e.getMessage());
    }

    @Test
    void refusesPemWithOnlyOtherBlocks() {
        String publicKey = Pem.encode("PUBLIC KEY", PkiFixtures.ec().getPublic().getEncoded());

        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> Certificates.read(ascii(publicKey), "key.pub"));
        assertEquals(CryptoErrorCode.NO_CERTIFICATE, e.code());
    }

    @Test
    void refusesPrivateKeyGivenAsCertificate() {
        byte[] pkcs8 = PkiFixtures.ec().getPrivate().getEncoded();
        String message = "The file host.key contains a private key, not a certificate. "
                + "Were the certificate and the key given the wrong way round?";

        WrongContentException pem = assertThrows(WrongContentException.class,
                () -> Certificates.read(ascii(PrivateKeys.toPem(PkiFixtures.ec().getPrivate())), "host.key"));
        WrongContentException der = assertThrows(WrongContentException.class, () -> Certificates.read(pkcs8, "host.key"));

        assertEquals(message, pem.getMessage());
        assertEquals(message, der.getMessage());
    }

    @Test
    void refusesCsrGivenAsCertificate() throws Exception {
        HostIdentity host = new HostIdentity("agent01", "agent01.example.com", List.of());
        CertificationRequest csr = CertificationRequests.create(host, CsrOptions.defaults(), PkiFixtures.ec());

        WrongContentException pem = assertThrows(WrongContentException.class,
                () -> Certificates.read(ascii(csr.pem()), "agent01.req"));
        WrongContentException der = assertThrows(WrongContentException.class,
                () -> Certificates.read(csr.der(), "agent01.der"));

        assertEquals("The file agent01.req contains a certificate signing request, not a certificate. Submit it to "
                + "your certification authority and use the certificate it issues.", pem.getMessage());
        assertEquals(CryptoErrorCode.CSR_INSTEAD_OF_CERTIFICATE, der.code());
    }

    @Test
    void refusesGarbage() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[0] = 0x01;

        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> Certificates.read(garbage, "random.der"));
        assertEquals("The file random.der is neither PEM (text) nor DER (binary) encoded.", e.getMessage());
    }

    @Test
    void refusesTruncatedDer() {
        byte[] truncated = Arrays.copyOf(DER, DER.length / 2);

        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> Certificates.read(truncated, "cut.der"));
        assertEquals("The file cut.der is truncated: it ends after " + truncated.length + " bytes of a " + DER.length
                + "-byte structure.", e.getMessage());
        assertEquals(CryptoErrorCode.TRUNCATED_DER, e.code());
    }

    @Test
    void refusesDamagedPem() {
        String pem = pem(DER);
        String missingEnd = pem.substring(0, pem.indexOf("-----END"));
        String badBase64 = pem.replaceFirst("\n[A-Za-z0-9+/]{10}", "\n!!!!!!!!!!");

        MalformedInputException noEnd = assertThrows(MalformedInputException.class,
                () -> Certificates.read(ascii(missingEnd), "cut.pem"));
        MalformedInputException damaged = assertThrows(MalformedInputException.class,
                () -> Certificates.read(ascii(badBase64), "bad.pem"));

        assertTrue(noEnd.getMessage().startsWith("The file cut.pem contains a damaged PEM block: "), noEnd.getMessage());
        assertEquals(CryptoErrorCode.DAMAGED_PEM, damaged.code());
    }

    @Test
    void refusesStructureThatIsNoCertificateInsideCertificateBlock() {
        String fake = Pem.encode("CERTIFICATE", new byte[] { 0x30, 0x03, 0x02, 0x01, 0x05 });

        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> Certificates.read(ascii(fake), "fake.pem"));
        assertTrue(e.getMessage().startsWith("The file fake.pem does not contain a valid X.509 certificate: "),
                e.getMessage());
        assertInstanceOf(Exception.class, e.getCause());
    }

    @Test
    void refusesFilesOverOneMebibyteBeforeParsing() throws Exception {
        byte[] big = new byte[1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'A');
        Path file = dir.resolve("big.pem");
        Files.write(file, big);

        InputTooLargeException fromFile = assertThrows(InputTooLargeException.class, () -> Certificates.read(file));
        InputTooLargeException fromBytes = assertThrows(InputTooLargeException.class,
                () -> Certificates.read(big, "big.pem"));

        assertEquals("The file " + file + " is 1048577 bytes long; files over 1 MiB (1048576 bytes) are not read.",
                fromFile.getMessage());
        assertEquals(CryptoErrorCode.INPUT_TOO_LARGE, fromBytes.code());
    }

    @Test
    void acceptsFileOfExactlyOneMebibyte() throws Exception {
        byte[] padded = Arrays.copyOf(ascii(pem(DER)), 1024 * 1024);
        Arrays.fill(padded, pem(DER).length(), padded.length, (byte) '\n');

        assertArrayEquals(DER, Certificates.read(padded, "padded.pem").certificate().der());
    }

    @Test
    void refusesMissingFile() {
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> Certificates.read(dir.resolve("absent.pem")));
        assertEquals("The file " + dir.resolve("absent.pem") + " could not be read: no such file", e.getMessage());
    }

    @Test
    void refusesAFifoNamedAsACertificateAtOnceInsteadOfWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("server.pem");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path link = dir.resolve("link-to-fifo.pem");
        Files.createSymbolicLink(link, fifo);

        // the timeout only ends a hung test: reading a FIFO used to wait for a writer for ever
        for (Path named : List.of(fifo, link)) {
            MalformedInputException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(MalformedInputException.class, () -> Certificates.read(named)));
            assertEquals("The file " + named + " could not be read: " + fifo.toRealPath() + " is no regular file; it was not read",
                    e.getMessage());
            assertEquals(CryptoErrorCode.FILE_UNREADABLE, e.code());
        }
    }

    @Test
    void followsALinkTheAdministratorNamesAsInEtcSslCerts() throws Exception {
        Path file = dir.resolve("First_CA.pem");
        Files.writeString(file, pem(DER));
        Path link = dir.resolve("3513523f.0");
        Files.createSymbolicLink(link, file.getFileName());

        assertArrayEquals(DER, Certificates.read(link).certificate().der());
    }

    @Test
    void namesTheRealSizeOfAFileFarOverTheBound() throws Exception {
        Path file = dir.resolve("huge.pem");
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] { 'A' }), 5L * 1024 * 1024 - 1);
        }

        InputTooLargeException e = assertThrows(InputTooLargeException.class, () -> Certificates.read(file));
        assertEquals("The file " + file + " is 5242880 bytes long; files over 1 MiB (1048576 bytes) are not read.",
                e.getMessage());
    }

    @Test
    void readsCertificateWithEmptySubjectAndIssuerThatTheJdkRefuses() throws Exception {
        byte[] empty = PkiFixtures.certificate("").ca(true).build();

        CertificateException jdk = assertThrows(CertificateException.class, () -> CertificateFactory
                .getInstance("X.509").generateCertificate(new ByteArrayInputStream(empty)));
        Certificate certificate = Certificates.read(empty, "empty-dn.der").certificate();

        assertTrue(String.valueOf(jdk.getMessage()).contains("Empty issuer DN not allowed"), jdk.getMessage());
        assertEquals("", certificate.subject());
        assertEquals("Empty Common Name", certificate.summary().commonName());
        assertEquals("Empty Common Name", certificate.summary().issuerCommonName());
        X509Certificate converted = certificate.toX509Certificate();
        assertArrayEquals(empty, converted.getEncoded());
        assertEquals("", converted.getIssuerX500Principal().getName());
        converted.verify(converted.getPublicKey(), BouncyCastle.PROVIDER);
    }

    @Test
    void jcaCertificateAnswersAsTheJdkParseOfTheSameBytes() throws Exception {
        Openssl.run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "leaf.key", "-out", "leaf.crt", "-subj", "/C=CZ/O=Example/CN=agent.example", "-days", "30",
                "-addext", "subjectAltName=DNS:agent.example,IP:127.0.0.1", "-addext",
                "keyUsage=critical,digitalSignature", "-addext", "extendedKeyUsage=serverAuth,clientAuth");
        Certificate certificate = Certificates.read(dir.resolve("leaf.crt")).certificate();
        X509Certificate jdk = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate.der()));

        X509Certificate view = certificate.toX509Certificate();

        assertTrue(view == certificate.toX509Certificate(), "made once");
        assertArrayEquals(jdk.getEncoded(), view.getEncoded());
        assertEquals(jdk, view);
        assertEquals(jdk.hashCode(), view.hashCode());
        assertEquals(jdk.getSubjectX500Principal(), view.getSubjectX500Principal());
        assertEquals(jdk.getIssuerX500Principal(), view.getIssuerX500Principal());
        assertEquals(jdk.getNotBefore(), view.getNotBefore());
        assertEquals(jdk.getNotAfter(), view.getNotAfter());
        assertEquals(jdk.getSerialNumber(), view.getSerialNumber());
        assertEquals(jdk.getVersion(), view.getVersion());
        assertEquals(jdk.getSigAlgOID(), view.getSigAlgOID());
        // BouncyCastle's conversion answers this one, in its own spelling, as before the view
        assertEquals(jdk.getSigAlgName().toUpperCase(java.util.Locale.ROOT), view.getSigAlgName());
        assertArrayEquals(jdk.getPublicKey().getEncoded(), view.getPublicKey().getEncoded());
        assertEquals(jdk.getPublicKey().getAlgorithm(), view.getPublicKey().getAlgorithm());
        assertArrayEquals(jdk.getKeyUsage(), view.getKeyUsage());
        assertEquals(jdk.getExtendedKeyUsage(), view.getExtendedKeyUsage());
        assertEquals(jdk.getBasicConstraints(), view.getBasicConstraints());
        assertEquals(List.copyOf(jdk.getSubjectAlternativeNames()), List.copyOf(view.getSubjectAlternativeNames()));
        assertEquals(jdk.getCriticalExtensionOIDs(), view.getCriticalExtensionOIDs());
        assertEquals(jdk.getNonCriticalExtensionOIDs(), view.getNonCriticalExtensionOIDs());
        assertArrayEquals(jdk.getExtensionValue("2.5.29.17"), view.getExtensionValue("2.5.29.17"));
        assertArrayEquals(jdk.getTBSCertificate(), view.getTBSCertificate());
        assertArrayEquals(jdk.getSignature(), view.getSignature());
        view.verify(jdk.getPublicKey());
        view.checkValidity();
        assertThrows(java.security.cert.CertificateExpiredException.class,
                () -> view.checkValidity(java.util.Date.from(certificate.notAfter().plusSeconds(1))));
    }

    @Test
    void readsCertificateMadeByOpenssl() throws Exception {
        Openssl.run(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                "-subj", "/C=CZ/O=Example/CN=Example Root", "-days", "30");
        Openssl.run(dir, "x509", "-in", "ca.crt", "-outform", "DER", "-out", "ca.der");

        Certificate pem = Certificates.readUpload(dir.resolve("ca.crt")).certificate();
        Certificate der = Certificates.readUpload(dir.resolve("ca.der")).certificate();

        assertEquals(pem, der);
        assertEquals("CN=Example Root, O=Example, C=CZ", pem.subject());
        assertTrue(pem.isSelfSigned());
    }

    @Test
    void readsOpensslTrustedCertificateBlock() throws Exception {
        Openssl.run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "ca.key", "-out", "ca.crt", "-subj", "/CN=Trusted Root", "-days", "30");
        Openssl.run(dir, "x509", "-in", "ca.crt", "-trustout", "-addtrust", "serverAuth", "-out", "trusted.pem");

        Certificate trusted = Certificates.read(dir.resolve("trusted.pem")).certificate();

        assertEquals(Certificates.read(dir.resolve("ca.crt")).certificate(), trusted);
    }

    @Test
    void fromDerParsesOneCertificateAndWritesPemBack() throws Exception {
        Certificate certificate = Certificate.fromDer(DER, "store/ca-1.der");

        assertEquals(certificate, Certificates.read(ascii(certificate.pem()), "again.pem").certificate());
        assertTrue(certificate.pem().startsWith("-----BEGIN CERTIFICATE-----\n"));
    }
}
