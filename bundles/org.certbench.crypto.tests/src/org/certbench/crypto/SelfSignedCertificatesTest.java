package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.certbench.testing.pki.Openssl;
import org.certbench.testing.pki.PkiFixtures;

class SelfSignedCertificatesTest {

    private static final HostIdentity HOST;

    static {
        try {
            HOST = new HostIdentity("agent01", "agent01.example.com",
                    List.of(InetAddress.getByName("192.0.2.10"), InetAddress.getByName("2001:db8::10")));
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @TempDir
    Path dir;

    @Test
    void hostCertificateHasTheHostNamesAndServerAuth() throws Exception {
        Certificate certificate = SelfSignedCertificates.create(HOST, PkiFixtures.ec(),
                Clock.fixed(PkiFixtures.NOW.plusMillis(700), ZoneOffset.UTC));
        CertificateSummary summary = certificate.summary();

        assertEquals("CN=agent01.example.com", summary.subject());
        assertEquals(summary.subject(), summary.issuer());
        assertEquals(List.of("DNS:agent01", "DNS:agent01.example.com", "IP:192.0.2.10", "IP:2001:db8:0:0:0:0:0:10"),
                summary.subjectAlternativeNames());
        assertEquals(List.of("serverAuth"), summary.extendedKeyUsage());
        assertEquals(List.of("digitalSignature"), summary.keyUsage());
        assertEquals("CA=false", summary.basicConstraints());
        assertEquals(PkiFixtures.NOW, summary.notBefore());
        assertEquals(PkiFixtures.NOW.plus(SelfSignedCertificates.DEFAULT_VALIDITY), summary.notAfter());
        assertTrue(certificate.isSelfSigned());
        assertTrue(certificate.hasPublicKey(PkiFixtures.ec().getPublic()));
        assertEquals("SHA256WITHECDSA", summary.signatureAlgorithm());
    }

    @Test
    void rsaHostCertificateAddsKeyEnciphermentAndConfigurableValidity() throws Exception {
        KeyPair rsa = PrivateKeys.generate(KeyType.RSA_3072);

        Certificate certificate = SelfSignedCertificates.create(HOST, rsa, PkiFixtures.NOW, Duration.ofDays(30),
                EnumSet.of(KeyPurpose.SERVER_AUTH, KeyPurpose.CLIENT_AUTH));

        assertEquals(List.of("digitalSignature", "keyEncipherment"), certificate.summary().keyUsage());
        assertEquals(List.of("serverAuth", "clientAuth"), certificate.summary().extendedKeyUsage());
        assertEquals(PkiFixtures.NOW.plus(Duration.ofDays(30)), certificate.notAfter());
        assertEquals("3072 bits", certificate.summary().keySize());
    }

    @Test
    void hostnameEqualToFqdnIsListedOnce() throws Exception {
        HostIdentity bare = new HostIdentity("standalone", "standalone", List.of());

        Certificate certificate = SelfSignedCertificates.create(bare, PkiFixtures.ec(), Clock.systemUTC());

        assertEquals(List.of("DNS:standalone"), certificate.summary().subjectAlternativeNames());
    }

    @Test
    void opensslAndTheJdkAcceptTheCertificateForTlsServers() throws Exception {
        Certificate certificate = SelfSignedCertificates.create(HOST, PkiFixtures.ec(), Clock.systemUTC());
        Files.writeString(dir.resolve("host.crt"), certificate.pem());

        String verified = Openssl.run(dir, "verify", "-CAfile", "host.crt", "-purpose", "sslserver", "-verify_hostname",
                "agent01.example.com", "-verify_ip", "192.0.2.10", "host.crt");
        X509Certificate jdk = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate.der()));

        assertEquals("host.crt: OK", verified.strip());
        jdk.verify(jdk.getPublicKey());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), jdk.getExtendedKeyUsage());
    }

    @Test
    void serialNumbersAreRandomAndPositive() throws Exception {
        Certificate first = SelfSignedCertificates.create(HOST, PkiFixtures.ec(), Clock.systemUTC());
        Certificate second = SelfSignedCertificates.create(HOST, PkiFixtures.ec(), Clock.systemUTC());

        assertFalse(first.serialNumber().equals(second.serialNumber()));
        assertEquals(1, first.serialNumber().signum());
    }

    @Test
    void noPurposeIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> SelfSignedCertificates.create(HOST, PkiFixtures.ec(), PkiFixtures.NOW,
                Duration.ofDays(1), EnumSet.noneOf(KeyPurpose.class)));
    }
}
