package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.certbench.testing.pki.Openssl;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local CA's root, the certificates it signs and its CRL, each checked by the real openssl. */
class CertificateAuthorityTest {

    private static final List<String> NAMES = List.of("agent1.example.org", "192.0.2.7");

    @TempDir
    Path dir;

    private final Instant now = Instant.now();

    @Test
    void rootIsAPathLengthZeroCaOpensslAccepts() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("CertBench CA (test)", now,
                CertificateAuthority.ROOT_VALIDITY);
        Path caFile = write("ca.pem", ca.certificate().pem());

        String text = Openssl.run(dir, "x509", "-noout", "-text", "-in", caFile.toString());

        assertTrue(text.contains("Subject: CN = CertBench CA (test)"), text);
        assertTrue(text.contains("ASN1 OID: prime256v1"), text);
        assertTrue(text.contains("X509v3 Basic Constraints: critical\n                CA:TRUE, pathlen:0"), text);
        assertTrue(text.contains("X509v3 Key Usage: critical\n                Certificate Sign, CRL Sign"), text);
        assertTrue(text.contains("X509v3 Subject Key Identifier"), text);
        assertTrue(ca.certificate().isSelfSigned());
        assertEquals(now.minus(CertificateAuthority.CLOCK_SKEW).truncatedTo(ChronoUnit.SECONDS),
                ca.certificate().notBefore());
        assertEquals(ca.certificate().notBefore().plus(Duration.ofDays(3653)), ca.certificate().notAfter());
        assertTrue(Openssl.run(dir, "verify", "-CAfile", caFile.toString(), caFile.toString()).contains("OK"));
    }

    @Test
    void signsAServerCertificateOpensslVerifies() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Fleet CA", now, CertificateAuthority.ROOT_VALIDITY);
        KeyPair agentKey = PkiFixtures.freshEc();
        CertificationRequest csr = csr("agent1.example.org", "agent1.example.org, 192.0.2.7", agentKey);

        Certificate issued = ca.issue(csr, "agent1", NAMES, now, Duration.ofDays(90));

        Path caFile = write("ca.pem", ca.certificate().pem());
        Path leaf = write("leaf.pem", issued.pem());
        assertEquals(leaf + ": OK\n", Openssl.run(dir, "verify", "-purpose", "sslserver", "-x509_strict", "-CAfile",
                caFile.toString(), leaf.toString()));
        String text = Openssl.run(dir, "x509", "-noout", "-text", "-in", leaf.toString());
        assertTrue(text.contains("Subject: CN = agent1.example.org"), text);
        assertTrue(text.contains("X509v3 Basic Constraints: critical\n                CA:FALSE"), text);
        assertTrue(text.contains("X509v3 Key Usage: critical\n                Digital Signature\n"), text);
        assertTrue(text.contains("X509v3 Extended Key Usage: \n                TLS Web Server Authentication"), text);
        assertTrue(text.contains("DNS:agent1.example.org, IP Address:192.0.2.7"), text);
        assertTrue(text.contains("X509v3 Authority Key Identifier"), text);
        assertTrue(text.contains("X509v3 Subject Key Identifier"), text);
        assertTrue(issued.hasPublicKey(agentKey.getPublic()));
        assertTrue(issued.serialNumber().signum() > 0);
        assertTrue(issued.serialNumber().bitLength() > 64 && issued.serialNumber().bitLength() <= 128);
        assertEquals(now.minus(CertificateAuthority.CLOCK_SKEW).truncatedTo(ChronoUnit.SECONDS), issued.notBefore());
        assertEquals(issued.notBefore().plus(Duration.ofDays(90)), issued.notAfter());
    }

    @Test
    void rsaKeysGetKeyEnciphermentToo() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Fleet CA", now, CertificateAuthority.ROOT_VALIDITY);

        Certificate issued = ca.issue(csr("agent1.example.org", "agent1.example.org", PkiFixtures.rsa()), "agent1",
                NAMES, now, Duration.ofDays(30));

        String text = Openssl.run(dir, "x509", "-noout", "-text", "-in", write("leaf.pem", issued.pem()).toString());
        assertTrue(text.contains("Digital Signature, Key Encipherment"), text);
        // the certificate carries every name of the request, also those the CSR left out
        assertTrue(text.contains("DNS:agent1.example.org, IP Address:192.0.2.7"), text);
    }

    @Test
    void lifetimeEndsWithTheCa() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Short CA", now, Duration.ofDays(10));

        Certificate issued = ca.issue(csr("agent1.example.org", "agent1.example.org", PkiFixtures.freshEc()), "agent1",
                NAMES, now, Duration.ofDays(90));

        assertEquals(ca.certificate().notAfter(), issued.notAfter());
    }

    @Test
    void refusesNamesOutsideTheRequest() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Fleet CA", now, CertificateAuthority.ROOT_VALIDITY);

        CertBenchCryptoException san = assertThrows(InvalidRequestException.class, () -> ca.issue(
                csr("agent1.example.org", "agent1.example.org, bank.example.com", PkiFixtures.freshEc()), "agent1",
                NAMES, now, Duration.ofDays(90)));
        assertEquals("The certificate signing request agent1 asks for DNS:bank.example.com, which is not among the names"
                + " this certificate is for (agent1.example.org, 192.0.2.7). Nothing was signed: make the request with"
                + " those names only.", san.getMessage());

        CertBenchCryptoException commonName = assertThrows(InvalidRequestException.class, () -> ca.issue(
                csr("db-02.example.org", "agent1.example.org", PkiFixtures.freshEc()), "agent1", NAMES, now,
                Duration.ofDays(90)));
        assertTrue(commonName.getMessage().contains("asks for CN=db-02.example.org, which is not among the names"),
                commonName.getMessage());

        CertBenchCryptoException address = assertThrows(InvalidRequestException.class, () -> ca.issue(
                csr("agent1.example.org", "192.0.2.8", PkiFixtures.freshEc()), "agent1", NAMES, now,
                Duration.ofDays(90)));
        assertTrue(address.getMessage().contains("asks for IP:192.0.2.8,"), address.getMessage());
    }

    @Test
    void namesCompareWithoutCaseOrTrailingDot() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Fleet CA", now, CertificateAuthority.ROOT_VALIDITY);

        Certificate issued = ca.issue(csr("Agent1.Example.org", "AGENT1.example.org.", PkiFixtures.freshEc()),
                "agent1", NAMES, now, Duration.ofDays(90));

        assertEquals("agent1.example.org", issued.commonName());
    }

    @Test
    void refusesACsrWhoseSignatureDoesNotVerify() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Fleet CA", now, CertificateAuthority.ROOT_VALIDITY);
        byte[] der = csr("agent1.example.org", "agent1.example.org", PkiFixtures.freshEc()).der();
        der[der.length - 5] ^= 0x01; // inside the signature's value
        CertificationRequest tampered = CertificationRequests.read(der, "agent1.csr");

        CertBenchCryptoException e = assertThrows(InvalidRequestException.class,
                () -> ca.issue(tampered, "agent1.csr", NAMES, now, Duration.ofDays(90)));

        assertEquals(CryptoErrorCode.CSR_SIGNATURE_INVALID, e.code());
        assertEquals("The certificate signing request agent1.csr is not signed by the key it contains, so it does not"
                + " prove that its sender holds that key: it was damaged or altered after it was made. Nothing was"
                + " signed.", e.getMessage());
    }

    @Test
    void refusesTooLongALifetime() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Fleet CA", now, CertificateAuthority.ROOT_VALIDITY);

        CertBenchCryptoException e = assertThrows(InvalidRequestException.class, () -> ca.issue(
                csr("agent1.example.org", "agent1.example.org", PkiFixtures.freshEc()), "agent1", NAMES, now,
                Duration.ofDays(3650)));

        assertEquals("A lifetime of 3650 days is not signed; give 1 to 825 days.", e.getMessage());
    }

    @Test
    void storedCaIsUsableAgainAndAForeignKeyIsRefused() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Fleet CA", now, CertificateAuthority.ROOT_VALIDITY);
        KeyPair stored = PrivateKeys.read(PrivateKeys.toPem(ca.privateKey()).getBytes(StandardCharsets.US_ASCII),
                "ca.key");

        CertificateAuthority again = CertificateAuthority.of(ca.certificate(), stored, "ca.key");
        assertTrue(again.issue(csr("agent1.example.org", "agent1.example.org", PkiFixtures.freshEc()), "agent1", NAMES,
                now, Duration.ofDays(1)).isSignedBy(ca.certificate()));

        CertBenchCryptoException e = assertThrows(KeyMismatchException.class,
                () -> CertificateAuthority.of(ca.certificate(), PkiFixtures.freshEc(), "other.key"));
        assertEquals("The private key in other.key does not match the certificate in CN=Fleet CA.", e.getMessage());
    }

    @Test
    void revocationListNamesTheSerialAndOpensslRefusesTheCertificate() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Fleet CA", now, CertificateAuthority.ROOT_VALIDITY);
        Certificate issued = ca.issue(csr("agent1.example.org", "agent1.example.org", PkiFixtures.freshEc()), "agent1",
                NAMES, now, Duration.ofDays(90));
        Certificate other = ca.issue(csr("agent1.example.org", "agent1.example.org", PkiFixtures.freshEc()), "agent1",
                NAMES, now, Duration.ofDays(90));
        Instant revokedAt = now.truncatedTo(ChronoUnit.SECONDS);

        RevocationList crl = ca.revocationList(Map.of(issued.serialNumber(), revokedAt), BigInteger.valueOf(7), now,
                now.plus(Duration.ofDays(7)));

        Path crlFile = write("crl.pem", crl.pem());
        String text = Openssl.run(dir, "crl", "-noout", "-text", "-in", crlFile.toString());
        assertTrue(text.contains("Issuer: CN = Fleet CA"), text);
        assertTrue(text.contains("X509v3 CRL Number: \n                7"), text);
        assertTrue(text.contains("Serial Number: " + Openssl.serialText(issued.serialNumber())), text);
        assertFalse(text.contains(Openssl.serialText(other.serialNumber())), text);
        Path caFile = write("ca.pem", ca.certificate().pem());
        assertTrue(Openssl.run(dir, "crl", "-noout", "-CAfile", caFile.toString(), "-in", crlFile.toString())
                .contains("verify OK"));
        String refused = Openssl.refusal(dir, "verify", "-crl_check", "-CRLfile", crlFile.toString(), "-CAfile",
                caFile.toString(), write("revoked.pem", issued.pem()).toString());
        assertNotNull(refused);
        assertTrue(refused.contains("certificate revoked"), refused);
        assertTrue(Openssl.run(dir, "verify", "-crl_check", "-CRLfile", crlFile.toString(), "-CAfile",
                caFile.toString(), write("other.pem", other.pem()).toString()).contains("OK"));

        RevocationList read = RevocationList.read(crlFile);
        assertEquals(crl, read);
        assertEquals(Map.of(issued.serialNumber(), revokedAt), read.revoked());
        assertEquals(revokedAt, read.revokedAt(issued).orElseThrow());
        assertTrue(read.revokedAt(other).isEmpty());
        assertEquals(BigInteger.valueOf(7), read.number().orElseThrow());
        assertEquals(now.plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS), read.nextUpdate().orElseThrow());
        assertTrue(read.isSignedBy(ca.certificate()));
        CertificateAuthority stranger = CertificateAuthority.create("Fleet CA", now, CertificateAuthority.ROOT_VALIDITY);
        assertFalse(read.isSignedBy(stranger.certificate()));
    }

    @Test
    void readsAnOpensslCrlAndRefusesGarbage() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Fleet CA", now, CertificateAuthority.ROOT_VALIDITY);
        RevocationList crl = ca.revocationList(Map.of(), BigInteger.ONE, now, now.plus(Duration.ofDays(1)));
        Path der = dir.resolve("crl.der");
        Openssl.run(dir, "crl", "-in", write("crl.pem", crl.pem()).toString(), "-outform", "DER", "-out", der.toString());

        assertEquals(crl, RevocationList.read(der));

        Path garbage = write("garbage.pem", "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n");
        CertBenchCryptoException e = assertThrows(MalformedInputException.class, () -> RevocationList.read(garbage));
        assertTrue(e.getMessage().startsWith("The file " + garbage
                + " does not contain a valid certificate revocation list"), e.getMessage());
        Path text = write("text.pem", "no CRL here\n");
        assertEquals("The file " + text + " contains no certificate revocation list.",
                assertThrows(MalformedInputException.class, () -> RevocationList.read(text)).getMessage());
    }

    private static CertificationRequest csr(String commonName, String alternativeNames, KeyPair key)
            throws CertBenchCryptoException {
        HostIdentity host = new HostIdentity("agent1", "agent1.example.org", List.of());
        CsrOptions options = CsrOptions.defaults().withCommonName(commonName)
                .withAlternativeNames(SubjectAlternativeName.parseList(alternativeNames));
        return CertificationRequests.create(host, options, key);
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
