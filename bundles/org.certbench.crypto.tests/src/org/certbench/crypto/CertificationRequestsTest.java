package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.certbench.testing.pki.Openssl;
import org.certbench.testing.pki.PkiFixtures;

class CertificationRequestsTest {

    private static final HostIdentity HOST;

    static {
        try {
            HOST = new HostIdentity("agent01", "agent01.example.com", List.of(InetAddress.getByName("192.0.2.10")));
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @TempDir
    Path dir;

    @Test
    void defaultsToFqdnAndHostNames() throws Exception {
        CertificationRequest csr = CertificationRequests.create(HOST, CsrOptions.defaults(), PkiFixtures.ec());

        assertEquals("CN=agent01.example.com", csr.subject());
        assertEquals(List.of("DNS:agent01", "DNS:agent01.example.com", "IP:192.0.2.10"), csr.subjectAlternativeNames());
        assertEquals(List.of("digitalSignature"), csr.requestedKeyUsage());
        assertEquals(List.of("serverAuth"), csr.requestedExtendedKeyUsage());
        assertTrue(csr.isSignatureValid());
        assertTrue(csr.hasPublicKey(PkiFixtures.ec().getPublic()));
    }

    @Test
    void carriesSubjectAttributesAndGivenNames() throws Exception {
        CsrOptions options = CsrOptions.defaults().withCommonName("agent.example.org").withOrganization("Example s.r.o.")
                .withOrganizationalUnit("Monitoring").withCountry("cz").withState("Jihomoravsky kraj")
                .withLocality("Brno").withAlternativeNames(SubjectAlternativeName.parseList("agent.example.org, 198.51.100.7"));

        CertificationRequest csr = CertificationRequests.create(HOST, options, PkiFixtures.rsa());

        assertEquals("CN=agent.example.org, OU=Monitoring, O=Example s.r.o., L=Brno, ST=Jihomoravsky kraj, C=CZ",
                csr.subject());
        assertEquals(List.of("DNS:agent.example.org", "IP:198.51.100.7"), csr.subjectAlternativeNames());
        assertEquals(List.of("digitalSignature", "keyEncipherment"), csr.requestedKeyUsage());
    }

    @Test
    void opensslVerifiesTheRequest() throws Exception {
        CsrOptions options = CsrOptions.defaults().withOrganization("Example").withCountry("CZ");
        Files.writeString(dir.resolve("agent01.req"), CertificationRequests.create(HOST, options, PkiFixtures.ec()).pem());

        String text = Openssl.run(dir, "req", "-in", "agent01.req", "-verify", "-noout", "-text");

        assertTrue(text.contains("verify OK"), text);
        assertTrue(text.contains("Subject: C = CZ, O = Example, CN = agent01.example.com"), text);
        assertTrue(text.contains("DNS:agent01, DNS:agent01.example.com, IP Address:192.0.2.10"), text);
        assertTrue(text.contains("TLS Web Server Authentication"), text);
        assertTrue(text.contains("Digital Signature"), text);
    }

    @Test
    void anIpv6AddressWithAZoneIsNamedWithoutIt() throws Exception {
        // HostIdentity reads static addresses with the interface they are on: the zone is not part of the name
        InetAddress zoned = java.net.Inet6Address.getByAddress(null, InetAddress.getByName("fd00::2").getAddress(), 1);

        SubjectAlternativeName name = SubjectAlternativeName.ip(zoned);

        assertEquals("fd00:0:0:0:0:0:0:2", name.value());
        assertEquals(SubjectAlternativeName.parse("fd00::2"), name);
    }

    @Test
    void readsRequestsBackFromPemAndDer() throws Exception {
        CertificationRequest created = CertificationRequests.create(HOST, CsrOptions.defaults(), PkiFixtures.ec());

        assertEquals(created, CertificationRequests.read(created.pem().getBytes(StandardCharsets.US_ASCII), "a.req"));
        assertEquals(created, CertificationRequests.read(created.der(), "a.der"));
        assertEquals("EC", created.keyAlgorithm());
        assertEquals("P-256", created.keySize());
    }

    @Test
    void readsRequestMadeByOpenssl() throws Exception {
        Openssl.run(dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "x.key", "-out", "x.req", "-subj",
                "/CN=made.by.openssl", "-addext", "subjectAltName=DNS:made.by.openssl");

        CertificationRequest csr = CertificationRequests.read(dir.resolve("x.req"));

        assertEquals("CN=made.by.openssl", csr.subject());
        assertEquals(List.of("DNS:made.by.openssl"), csr.subjectAlternativeNames());
        assertTrue(csr.isSignatureValid());
        assertEquals("RSA", csr.keyAlgorithm());
        assertEquals("2048 bits", csr.keySize());
    }

    @Test
    void refusesNonCsrFiles() {
        byte[] certificate = PkiFixtures.certificate("CN=x").build();

        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> CertificationRequests.read(certificate, "x.crt"));
        assertEquals("The file x.crt contains no certificate signing request.", e.getMessage());
    }

    @Test
    void refusesInvalidCountryAndNames() throws Exception {
        KeyPair key = PkiFixtures.ec();

        InvalidRequestException country = assertThrows(InvalidRequestException.class,
                () -> CertificationRequests.create(HOST, CsrOptions.defaults().withCountry("Czechia"), key));
        InvalidRequestException name = assertThrows(InvalidRequestException.class,
                () -> SubjectAlternativeName.parseList("good.example, bad name!"));
        InvalidRequestException emptyCn = assertThrows(InvalidRequestException.class,
                () -> CertificationRequests.create(new HostIdentity("", "", List.of()), CsrOptions.defaults(), key));

        assertEquals("The country must be a two-letter code such as CZ, not \"Czechia\".", country.getMessage());
        assertEquals("\"bad name!\" is not a valid subject alternative name: give a host name or an IP address.",
                name.getMessage());
        assertEquals("The common name must not be empty.", emptyCn.getMessage());
    }

    @Test
    void parsesAlternativeNames() throws Exception {
        assertEquals(SubjectAlternativeName.Type.IP, SubjectAlternativeName.parse("10.1.2.3").type());
        assertEquals("IP:2001:db8:0:0:0:0:0:1", SubjectAlternativeName.parse("IP:2001:db8::1").toString());
        assertEquals("DNS:*.example.com", SubjectAlternativeName.parse("dns:*.example.com").toString());
        assertEquals("DNS:host-1", SubjectAlternativeName.parse(" host-1 ").toString());
        assertThrows(InvalidRequestException.class, () -> SubjectAlternativeName.parse("IP:300.1.1.1"));
        assertThrows(InvalidRequestException.class, () -> SubjectAlternativeName.parse("-bad.example"));
    }
}
