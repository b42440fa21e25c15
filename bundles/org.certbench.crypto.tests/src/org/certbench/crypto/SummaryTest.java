package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.certbench.testing.pki.Openssl;
import org.certbench.testing.pki.PkiFixtures;

class SummaryTest {

    private static final KeyPair CA_KEY = PkiFixtures.rsa();

    @TempDir
    Path dir;

    private static Certificate agent(String commonName, byte lastOctet) throws CertBenchCryptoException {
        return Certificate.fromDer(PkiFixtures.certificate("C=CZ,O=CertBench,OU=Agents,CN=" + commonName)
                .issuedBy("O=CertBench,CN=Fleet CA", CA_KEY)
                .keyUsage(KeyUsage.digitalSignature)
                .purpose(KeyPurposeId.id_kp_serverAuth).purpose(KeyPurposeId.id_kp_clientAuth)
                .dns(commonName).ip((byte) 10, (byte) 0, (byte) 0, lastOctet)
                .ca(false)
                .build(), commonName);
    }

    @Test
    void summarisesEveryField() throws Exception {
        CertificateSummary summary = agent("agent01.example.com", (byte) 7).summary();

        assertEquals("CN=agent01.example.com, OU=Agents, O=CertBench, C=CZ", summary.subject());
        assertEquals("CN=Fleet CA, O=CertBench", summary.issuer());
        assertEquals("agent01.example.com", summary.commonName());
        assertEquals("Fleet CA", summary.issuerCommonName());
        assertEquals(PkiFixtures.YEAR_AGO, summary.notBefore());
        assertEquals(PkiFixtures.IN_A_YEAR, summary.notAfter());
        assertEquals(List.of("DNS:agent01.example.com", "IP:10.0.0.7"), summary.subjectAlternativeNames());
        assertEquals("EC", summary.keyAlgorithm());
        assertEquals("P-256", summary.keySize());
        assertEquals("SHA256WITHRSA", summary.signatureAlgorithm());
        assertEquals(List.of("digitalSignature"), summary.keyUsage());
        assertEquals(List.of("serverAuth", "clientAuth"), summary.extendedKeyUsage());
        assertEquals("CA=false", summary.basicConstraints());
        assertFalse(summary.certificateAuthority());
        assertFalse(summary.selfSigned());
        assertTrue(summary.sha256Fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), summary.sha256Fingerprint());
        assertTrue(summary.sha1Fingerprint().matches("([0-9A-F]{2}:){19}[0-9A-F]{2}"), summary.sha1Fingerprint());
    }

    @Test
    void fingerprintsAndSerialMatchOpenssl() throws Exception {
        Openssl.run(dir, "req", "-x509", "-newkey", "rsa:3072", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-subj",
                "/CN=Fingerprint CA", "-days", "10", "-addext", "basicConstraints=critical,CA:true,pathlen:1");
        CertificateSummary summary = Certificates.read(dir.resolve("ca.crt")).certificate().summary();

        String sha256 = Openssl.run(dir, "x509", "-in", "ca.crt", "-noout", "-fingerprint", "-sha256").strip();
        String sha1 = Openssl.run(dir, "x509", "-in", "ca.crt", "-noout", "-fingerprint", "-sha1").strip();
        String serial = Openssl.run(dir, "x509", "-in", "ca.crt", "-noout", "-serial").strip();

        assertEquals("sha256 Fingerprint=" + summary.sha256Fingerprint(), sha256);
        assertEquals("sha1 Fingerprint=" + summary.sha1Fingerprint(), sha1);
        assertEquals(new BigInteger(serial.substring("serial=".length()), 16), summary.serialNumber());
        assertEquals("3072 bits", summary.keySize());
        assertEquals("CA=true, path length 1", summary.basicConstraints());
        assertTrue(summary.selfSigned());
        assertTrue(summary.certificateAuthority());
    }

    @Test
    void showsEmptyCommonNameForEmptyOrCnLessNames() throws Exception {
        Certificate empty = Certificate.fromDer(PkiFixtures.certificate("").ca(true).build(), "empty");
        Certificate noCn = Certificate.fromDer(PkiFixtures.certificate("O=Only An Organisation").ca(true).build(), "no-cn");

        assertEquals("Empty Common Name", empty.summary().commonName());
        assertEquals("Empty Common Name", empty.summary().issuerCommonName());
        assertEquals("Empty Common Name", noCn.summary().commonName());
        assertEquals("O=Only An Organisation", noCn.summary().subject());
        assertTrue(empty.isSelfSigned());
    }

    @Test
    void sameNameButForeignSignatureIsNotSelfSigned() throws Exception {
        Certificate impostor = Certificate.fromDer(PkiFixtures.certificate("CN=Twin").issuedBy("CN=Twin", PkiFixtures.freshEc())
                .build(), "twin");

        assertFalse(impostor.isSelfSigned());
    }

    @Test
    void commonFieldsKeepOnlyIdenticalValues() throws Exception {
        Certificate first = agent("agent01.example.com", (byte) 1);
        Certificate second = agent("agent02.example.com", (byte) 2);

        Map<SummaryField, String> common = CertificateSummary.commonFields(List.of(first.summary(), second.summary()));

        assertEquals("CN=Fleet CA, O=CertBench", common.get(SummaryField.ISSUER));
        assertEquals("serverAuth, clientAuth", common.get(SummaryField.EXTENDED_KEY_USAGE));
        assertEquals("no", common.get(SummaryField.SELF_SIGNED));
        assertFalse(common.containsKey(SummaryField.SUBJECT));
        assertFalse(common.containsKey(SummaryField.COMMON_NAME));
        assertFalse(common.containsKey(SummaryField.SERIAL_NUMBER));
        assertFalse(common.containsKey(SummaryField.SUBJECT_ALTERNATIVE_NAMES));
        assertFalse(common.containsKey(SummaryField.SHA256_FINGERPRINT));
        assertEquals(List.copyOf(common.keySet()), common.keySet().stream().sorted().toList(), "display order kept");
    }

    @Test
    void commonFieldsOfOneCertificateAreAllItsFields() throws Exception {
        CertificateSummary only = agent("agent01.example.com", (byte) 1).summary();

        assertEquals(only.fields(), CertificateSummary.commonFields(List.of(only)));
        assertEquals(SummaryField.values().length, only.fields().size());
        assertTrue(CertificateSummary.commonFields(List.of()).isEmpty());
    }

    @Test
    void describesKeysOfEveryReadableAlgorithm() throws Exception {
        Openssl.run(dir, "req", "-x509", "-newkey", "ed25519", "-nodes", "-keyout", "ed.key", "-out", "ed.crt", "-subj",
                "/CN=Ed CA", "-days", "10");
        Openssl.run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-521", "-nodes", "-keyout",
                "p521.key", "-out", "p521.crt", "-subj", "/CN=P521 CA", "-days", "10");

        CertificateSummary ed = Certificates.read(dir.resolve("ed.crt")).certificate().summary();
        CertificateSummary p521 = Certificates.read(dir.resolve("p521.crt")).certificate().summary();

        assertEquals("Ed25519", ed.keyAlgorithm());
        assertEquals("EC", p521.keyAlgorithm());
        assertEquals("P-521", p521.keySize());
        assertTrue(Files.exists(dir.resolve("ed.key")));
    }

    @Test
    void labelsComeFromTheMessageBundle() {
        assertEquals("Valid from", SummaryField.NOT_BEFORE.label());
        assertEquals("Expires on", SummaryField.NOT_AFTER.label());
        assertEquals("SHA-256 fingerprint", SummaryField.SHA256_FINGERPRINT.label());
    }

    @Test
    void aCertificateKnowsItsOwnBytesAndNoOthers() throws Exception {
        Certificate agent = agent("agent07.example.com", (byte) 7);
        byte[] same = agent.der();
        byte[] other = agent("agent08.example.com", (byte) 8).der();

        assertTrue(agent.hasEncoding(same));
        assertFalse(agent.hasEncoding(other));
        assertFalse(agent.hasEncoding(new byte[0]));
        same[same.length - 1] ^= 1;
        assertFalse(agent.hasEncoding(same), "one bit differs");
    }
}
