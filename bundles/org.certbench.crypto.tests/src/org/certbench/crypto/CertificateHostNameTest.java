package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.List;

import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;

/** Which hosts a certificate names (the rule TLS clients apply), and the fingerprint of its key. */
class CertificateHostNameTest {

    private static Certificate certificate(PkiFixtures.Builder builder) throws CertBenchCryptoException {
        return Certificate.fromDer(builder.build(), "test");
    }

    @Test
    void dnsNamesMatchWithoutCaseAndTrailingDotWildcardsOnlyTheLeftmostLabel() throws Exception {
        Certificate certificate = certificate(PkiFixtures.certificate("CN=db-02.example.test").key(PkiFixtures.ec())
                .dns("db-02.example.test").dns("*.fleet.example.test").dns("*.test"));
        assertTrue(certificate.namesHost("db-02.example.test"));
        assertTrue(certificate.namesHost("DB-02.Example.TEST."));
        assertTrue(certificate.namesHost("web.fleet.example.test"));
        assertFalse(certificate.namesHost("fleet.example.test"), "a wildcard needs a label");
        assertFalse(certificate.namesHost("a.web.fleet.example.test"), "a wildcard is one label");
        assertFalse(certificate.namesHost("other.test"), "*.test names no one: too few labels");
        assertFalse(certificate.namesHost("db-03.example.test"));
        assertFalse(certificate.namesHost(""));
        assertFalse(certificate.namesHost(null));
    }

    @Test
    void ipAddressesMatchByValueAndNeverByDnsNameOrCommonName() throws Exception {
        Certificate certificate = certificate(PkiFixtures.certificate("CN=10.0.0.9").key(PkiFixtures.ec())
                .dns("10.0.0.8").ip((byte) 10, (byte) 0, (byte) 0, (byte) 7)
                .ip(new byte[] { 0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }));
        assertTrue(certificate.namesHost("10.0.0.7"));
        assertTrue(certificate.namesHost("2001:db8::1"));
        assertTrue(certificate.namesHost("[2001:DB8:0:0::1]"));
        assertFalse(certificate.namesHost("10.0.0.8"), "an IP address is matched against IP entries only");
        assertFalse(certificate.namesHost("10.0.0.9"), "the Common Name does not count");
        assertEquals(List.of("DNS:10.0.0.8", "IP:10.0.0.7", "IP:2001:db8:0:0:0:0:0:1"),
                certificate.hostNames().stream().map(SubjectAlternativeName::toString).toList());
    }

    @Test
    void withoutAlternativeNamesTheCertificateNamesNoHost() throws Exception {
        Certificate certificate = certificate(PkiFixtures.certificate("CN=db-02").key(PkiFixtures.ec()));
        assertFalse(certificate.namesHost("db-02"));
        assertEquals(List.of(), certificate.hostNames());
    }

    @Test
    void theKeyFingerprintIsTheSameForEveryCertificateOfOneKey() throws Exception {
        KeyPair key = PkiFixtures.freshEc();
        Certificate first = certificate(PkiFixtures.certificate("CN=first").key(key));
        Certificate renewed = certificate(PkiFixtures.certificate("CN=renewed").key(key));
        Certificate other = certificate(PkiFixtures.certificate("CN=first").key(PkiFixtures.freshEc()));
        assertNotEquals(first.sha256Fingerprint(), renewed.sha256Fingerprint());
        assertEquals(first.publicKeySha256Fingerprint(), renewed.publicKeySha256Fingerprint());
        assertNotEquals(first.publicKeySha256Fingerprint(), other.publicKeySha256Fingerprint());
        assertTrue(first.publicKeySha256Fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"),
                first.publicKeySha256Fingerprint());
    }
}
