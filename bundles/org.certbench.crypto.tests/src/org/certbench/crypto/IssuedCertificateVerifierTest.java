package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.certbench.testing.pki.Openssl;
import org.certbench.testing.pki.PkiFixtures;

class IssuedCertificateVerifierTest {

    private static final KeyPair CA_KEY = PkiFixtures.rsa();
    private static final KeyPair AGENT_KEY = PkiFixtures.ec();
    private static final String CA_NAME = "O=Example,CN=Example CA";

    @TempDir
    Path dir;

    private static Certificate ca() throws CertBenchCryptoException {
        return Certificate.fromDer(PkiFixtures.ca(CA_NAME, CA_KEY), "ca.crt");
    }

    private static PkiFixtures.Builder agentCertificate() {
        return PkiFixtures.certificate("CN=agent01.example.com").key(AGENT_KEY).issuedBy(CA_NAME, CA_KEY)
                .purpose(KeyPurposeId.id_kp_serverAuth);
    }

    private static List<String> problems(byte[] issued, Certificate ca) throws CertBenchCryptoException {
        return IssuedCertificateVerifier.verify(Certificate.fromDer(issued, "agent01.crt"), ca, AGENT_KEY.getPublic(),
                "agent01", PkiFixtures.NOW).problems().stream().map(CryptoProblem::message).toList();
    }

    @Test
    void certificateIssuedWithTheSeedsOpensslCommandVerifies() throws Exception {
        HostIdentity host = new HostIdentity("agent01", "agent01.example.com", List.of(InetAddress.getByName("192.0.2.10")));
        KeyPair agentKey = PrivateKeys.generate(KeyType.DEFAULT);
        Files.writeString(dir.resolve("AGENT01.req"), CertificationRequests.create(host, CsrOptions.defaults(), agentKey).pem());
        Openssl.run(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-subj",
                "/O=Example/CN=Example Root CA", "-days", "365");

        Openssl.run(dir, "x509", "-req", "-in", "AGENT01.req", "-CA", "ca.crt", "-CAkey", "ca.key", "-out", "AGENT01.crt",
                "-CAcreateserial", "-copy_extensions", "copyall");

        Certificate issued = Certificates.read(dir.resolve("AGENT01.crt")).certificate();
        Certificate ca = Certificates.readUpload(dir.resolve("ca.crt")).certificate();
        VerificationResult result = IssuedCertificateVerifier.verify(issued, ca, agentKey.getPublic(), "agent01",
                Instant.now());

        assertEquals(List.of(), result.problems());
        assertTrue(result.isValid());
        result.requireValid("AGENT01.crt");
        assertEquals(List.of("DNS:agent01", "DNS:agent01.example.com", "IP:192.0.2.10"),
                issued.summary().subjectAlternativeNames());
        assertEquals(List.of("serverAuth"), issued.summary().extendedKeyUsage());
        assertEquals("CN=Example Root CA, O=Example", issued.issuer());
    }

    @Test
    void acceptsDerEncodedIssuedCertificate() throws Exception {
        Files.write(dir.resolve("agent01.der"), agentCertificate().build());

        Certificate issued = Certificates.readUpload(dir.resolve("agent01.der")).certificate();

        assertTrue(IssuedCertificateVerifier.verify(issued, ca(), AGENT_KEY.getPublic(), "agent01", PkiFixtures.NOW).isValid());
    }

    @Test
    void refusesCertificateOfAnotherCa() throws Exception {
        byte[] foreign = agentCertificate().issuedBy("CN=Other CA", PkiFixtures.freshEc()).build();

        assertEquals(List.of("issued by CN=Other CA, not by the CA CN=Example CA, O=Example"), problems(foreign, ca()));
    }

    @Test
    void refusesCertificateSignedByAnotherKeyUnderTheSameName() throws Exception {
        byte[] forged = agentCertificate().issuedBy(CA_NAME, PkiFixtures.freshEc()).build();

        assertEquals(List.of("its signature was not made with the key of the CA CN=Example CA, O=Example"),
                problems(forged, ca()));
    }

    @Test
    void refusesWhenTheCaFileIsNoValidCa() throws Exception {
        Certificate notCa = Certificate.fromDer(PkiFixtures.certificate(CA_NAME).key(CA_KEY).ca(false).build(), "ca.crt");
        Certificate expiredCa = Certificate.fromDer(PkiFixtures.certificate(CA_NAME).key(CA_KEY).ca(true)
                .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")).build(), "ca.crt");

        assertEquals(List.of("the CA certificate CN=Example CA, O=Example is not a valid CA: not a CA certificate: "
                + "Basic Constraints does not contain CA=true"), problems(agentCertificate().build(), notCa));
        assertEquals(List.of("the CA certificate CN=Example CA, O=Example is not a valid CA: expired on 2026-01-01 00:00:00 UTC"),
                problems(agentCertificate().build(), expiredCa));
    }

    @Test
    void refusesCertificateForAnotherKey() throws Exception {
        byte[] otherKey = agentCertificate().key(PkiFixtures.freshEc()).build();

        assertEquals(List.of("it does not match the private key of agent01"), problems(otherKey, ca()));
    }

    @Test
    void refusesCertificateOutsideItsValidity() throws Exception {
        byte[] expired = agentCertificate().validity(Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2026-05-01T00:00:00Z")).build();
        byte[] early = agentCertificate().validity(Instant.parse("2026-07-01T00:00:00Z"),
                Instant.parse("2027-05-01T00:00:00Z")).build();

        assertEquals(List.of("expired on 2026-05-01 00:00:00 UTC"), problems(expired, ca()));
        assertEquals(List.of("not valid before 2026-07-01 00:00:00 UTC"), problems(early, ca()));
    }

    @Test
    void requiresServerAuthentication() throws Exception {
        byte[] noEku = PkiFixtures.certificate("CN=agent01").key(AGENT_KEY).issuedBy(CA_NAME, CA_KEY).build();
        byte[] clientOnly = PkiFixtures.certificate("CN=agent01").key(AGENT_KEY).issuedBy(CA_NAME, CA_KEY)
                .purpose(KeyPurposeId.id_kp_clientAuth).purpose(KeyPurposeId.id_kp_codeSigning).build();

        assertEquals(List.of("it has no Extended Key Usage extension; Server Authentication is required"),
                problems(noEku, ca()));
        assertEquals(List.of("its Extended Key Usage (clientAuth, codeSigning) does not include Server Authentication"),
                problems(clientOnly, ca()));
    }

    @Test
    void reportsEveryFailureAndRefusesWithAllOfThem() throws Exception {
        byte[] hopeless = PkiFixtures.certificate("CN=agent01").key(PkiFixtures.freshEc()).issuedBy("CN=Other CA", PkiFixtures.freshEc())
                .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z")).build();
        VerificationResult result = IssuedCertificateVerifier.verify(Certificate.fromDer(hopeless, "agent01.crt"), ca(),
                AGENT_KEY.getPublic(), "agent01", PkiFixtures.NOW);

        CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
                () -> result.requireValid("agent01.crt"));

        assertEquals(4, result.problems().size());
        assertEquals("agent01.crt was refused: issued by CN=Other CA, not by the CA CN=Example CA, O=Example; "
                + "it does not match the private key of agent01; expired on 2021-01-01 00:00:00 UTC; "
                + "it has no Extended Key Usage extension; Server Authentication is required", e.getMessage());
    }
}
