package org.certbench.crypto;

import static org.certbench.testing.pki.PkiFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.certbench.testing.pki.PkiFixtures.dns;
import static org.certbench.testing.pki.PkiFixtures.emailName;

import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyConstraints;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of {@link ServerChainValidator} that need no server to show: name matching details, limits, CA
 * certificates of the store that went bad after import, and the PKIX backstop. The served chains are in the
 * truststore's OutboundConformanceTest.
 */
class ServerChainValidatorTest {

    private static final KeyPair ROOT_KEY = PkiFixtures.freshEc();
    private static final KeyPair SERVER_KEY = PkiFixtures.freshEc();

    private static Certificate read(byte[] der) throws CertBenchCryptoException {
        return Certificate.fromDer(der, "test");
    }

    private static Certificate root() throws CertBenchCryptoException {
        return read(PkiFixtures.ca("CN=Unit Root", ROOT_KEY));
    }

    private static PkiFixtures.Builder server() {
        return PkiFixtures.certificate("CN=server").key(SERVER_KEY).issuedBy("CN=Unit Root", ROOT_KEY);
    }

    private static ServerChainVerdict validate(String host, Certificate anchor, byte[]... sent) throws Exception {
        List<Certificate> presented = new ArrayList<>();
        for (byte[] der : sent) {
            presented.add(read(der));
        }
        return ServerChainValidator.validate(presented, List.of(anchor), host, NOW);
    }

    @ParameterizedTest(name = "{1} against {0}: {2}")
    @CsvSource({
            "*.example.com, www.example.com, true",
            "*.example.com, WWW.Example.COM., true",
            "*.example.com, example.com, false",
            "*.example.com, a.www.example.com, false",
            "*.com, example.com, false",
            "www.example.com, www.example.com., true",
            "xn--bcher-kva.example, b\u00FCcher.example, true",
            "xn--bcher-kva.example, XN--BCHER-KVA.example, true",
            "www.example.com, www.example.org, false" })
    void dnsNamesMatchAsBrowsersMatchThem(String held, String asked, boolean matches) throws Exception {
        ServerChainVerdict verdict = validate(asked, root(), server().dns(held).build());

        assertEquals(matches, verdict.trusted(), verdict.reasons());
        if (!matches) {
            assertEquals("the server certificate 'server' does not name " + asked + ": it holds DNS:" + held,
                    verdict.reasons());
        }
    }

    @Test
    void anIpv6AddressInBracketsMatchesItsIpEntry() throws Exception {
        byte[] loopback = new byte[16];
        loopback[15] = 1;

        assertTrue(validate("[::1]", root(), server().ip(loopback).build()).trusted());
        assertEquals("the server certificate 'server' does not name ::1: it holds DNS:localhost",
                validate("::1", root(), server().dns("localhost").build()).reasons());
    }

    /**
     * The PKIX check converts the certificates on first use, a parse inside the chain's own: the inner one took
     * the empty-name allowance away and BouncyCastle refused "certificate issuer is an empty distinguished name".
     */
    @Test
    void aServerIssuedByACaWithAnEmptyNameIsTrusted() throws Exception {
        KeyPair key = PkiFixtures.freshEc();
        Certificate anchor = read(PkiFixtures.ca("", key));
        byte[] leaf = PkiFixtures.certificate("CN=server").key(SERVER_KEY).issuedBy("", key).dns("h").build();
        ServerChainVerdict verdict = validate("h", anchor, leaf);
        assertTrue(verdict.trusted(), verdict::reasons);
    }

    @Test
    void withoutAHostOnlyTheChainIsChecked() throws Exception {
        assertTrue(validate(null, root(), server().build()).trusted());
    }

    @Test
    void anUnknownCriticalExtensionIsRefused() throws Exception {
        byte[] strange = server().dns("h").extension(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"), true,
                new DERSequence().getEncoded()).build();

        assertEquals("the server certificate 'server' carries a critical extension that is not understood"
                + " (1.3.6.1.4.1.99999.1)", validate("h", root(), strange).reasons());
    }

    @Test
    void nothingSentAndTooMuchSentAreRefusedInWords() throws Exception {
        assertEquals("the server sent no certificate",
                ServerChainValidator.validate(List.of(), List.of(root()), "h", NOW).reasons());
        List<Certificate> many = new ArrayList<>(Collections.nCopies(11, read(server().build())));
        assertEquals("the server sent 11 certificates; at most 10 are considered",
                ServerChainValidator.validate(many, List.of(root()), "h", NOW).reasons());
    }

    @Test
    void anExpiredCaCertificateOfTheStoreVerifiesNothing() throws Exception {
        Certificate expired = read(PkiFixtures.certificate("CN=Unit Root").key(ROOT_KEY).ca(true)
                .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(2))).build());

        assertEquals("the CA certificate 'Unit Root' of the store expired on 2026-05-30 12:00:00 UTC",
                validate("h", expired, server().dns("h").build()).reasons());
    }

    @Test
    void aCaCertificateOfTheStoreWithUnreadableConstraintsVerifiesNothing() throws Exception {
        Certificate damaged = read(PkiFixtures.certificate("CN=Unit Root").key(ROOT_KEY).ca(true)
                .extension(Extension.nameConstraints, true, new DERSequence(new ASN1Integer(5)).getEncoded()).build());

        assertEquals("the name constraints of the CA certificate 'Unit Root' of the store cannot be read (the extension"
                + " is not a valid NameConstraints structure), so nothing below it is trusted",
                validate("h", damaged, server().dns("h").build()).reasons());
    }

    @Test
    void aSelfIssuedKeyRolloverCertificateDoesNotCountAgainstThePathLength() throws Exception {
        Certificate anchor = read(PkiFixtures.certificate("CN=Unit Root").key(ROOT_KEY).pathLength(0).build());
        KeyPair newKey = PkiFixtures.freshEc();
        byte[] rollover = PkiFixtures.certificate("CN=Unit Root").key(newKey).issuedBy("CN=Unit Root", ROOT_KEY)
                .ca(true).build();
        byte[] leaf = PkiFixtures.certificate("CN=server").key(SERVER_KEY).issuedBy("CN=Unit Root", newKey).dns("h")
                .build();

        ServerChainVerdict verdict = validate("h", anchor, leaf, rollover);

        assertTrue(verdict.trusted(), verdict.reasons());
        assertEquals(2, verdict.path().size());
    }

    @Test
    void whatBouncyCastlesPkixValidatorRefusesIsNotAccepted() throws Exception {
        KeyPair key = PkiFixtures.freshEc();
        byte[] strict = PkiFixtures.certificate("CN=Policy Intermediate").key(key).issuedBy("CN=Unit Root", ROOT_KEY)
                .ca(true).extension(Extension.policyConstraints, true,
                        new PolicyConstraints(BigInteger.ZERO, null).getEncoded())
                .build();
        byte[] leaf = PkiFixtures.certificate("CN=server").key(SERVER_KEY).issuedBy("CN=Policy Intermediate", key)
                .dns("h").build();

        ServerChainVerdict verdict = validate("h", root(), leaf, strict);

        assertEquals(CryptoErrorCode.CHAIN_PKIX_REFUSED, verdict.problems().get(0).code(), verdict.reasons());
        assertTrue(verdict.reasons().startsWith("PKIX path validation refuses the "), verdict.reasons());
    }

    /** The soft hyphen vanishes under IDN mapping; the excluded subtree saw it, so the host must see it too. */
    @ParameterizedTest
    @CsvSource({ "ev\u00ADil.com", "EV\u00ADIL.com", "*.ev\u00ADil.com" })
    void aDnsNameThatIsNotPlainAsciiNamesNoHost(String held) throws Exception {
        Certificate anchor = read(PkiFixtures.certificate("CN=Unit Root").key(ROOT_KEY).ca(true)
                .exclude(dns("evil.com")).build());

        ServerChainVerdict verdict = validate(held.startsWith("*") ? "www.evil.com" : "evil.com", anchor,
                server().dns(held).build());

        assertEquals(CryptoErrorCode.CHAIN_NAME_MISMATCH, verdict.problems().get(0).code(), verdict.reasons());
        assertEquals(1, verdict.problems().size(), verdict.reasons());
    }

    /** Any label the wildcard stands for could be evil: an excluded subtree at or below its base refuses it. */
    @ParameterizedTest(name = "excluded {0}")
    @CsvSource({ "evil.example.com", ".example.com", "example.com", "a.evil.example.com", "EVIL.Example.com." })
    void aWildcardThatCouldStandForAnExcludedNameIsRefused(String excluded) throws Exception {
        Certificate anchor = read(PkiFixtures.certificate("CN=Unit Root").key(ROOT_KEY).ca(true)
                .exclude(dns(excluded)).build());

        ServerChainVerdict verdict = validate("evil.example.com", anchor, server().dns("*.example.com").build());

        assertEquals("the name DNS:*.example.com of the server certificate 'server' is outside the name constraints of"
                + " the CA certificate 'Unit Root' of the store (excluded: DNS:" + excluded + ")", verdict.reasons());
    }

    @ParameterizedTest(name = "excluded {0}")
    @CsvSource({ "evil.example.org", "example.org", "evil-example.com" })
    void aWildcardBesideAnExcludedSubtreeIsAccepted(String excluded) throws Exception {
        Certificate anchor = read(PkiFixtures.certificate("CN=Unit Root").key(ROOT_KEY).ca(true)
                .exclude(dns(excluded)).build());

        ServerChainVerdict verdict = validate("www.example.com", anchor, server().dns("*.example.com").build());

        assertTrue(verdict.trusted(), verdict.reasons());
    }

    @Test
    void aSubjectEmailAddressThatIsNotTextIsRefusedInWords() throws Exception {
        Certificate anchor = read(PkiFixtures.certificate("CN=Unit Root").key(ROOT_KEY).ca(true)
                .permit(emailName("example.com")).build());
        byte[] odd = PkiFixtures.certificate("CN=server,EMAILADDRESS=#020105").key(SERVER_KEY)
                .issuedBy("CN=Unit Root", ROOT_KEY).dns("h").build();

        assertEquals("the email address in the subject of the server certificate 'server' is not a text string, so it"
                + " cannot be checked against the name constraints of the CA certificate 'Unit Root' of the store and"
                + " is not trusted", validate("h", anchor, odd).reasons());
    }

    @Test
    void aStoreCaWhoseExtendedKeyUsageLeavesOutServersVerifiesNoServer() throws Exception {
        Certificate clientsOnly = read(PkiFixtures.certificate("CN=Unit Root").key(ROOT_KEY).ca(true)
                .purpose(KeyPurposeId.id_kp_clientAuth).purpose(KeyPurposeId.id_kp_emailProtection).build());
        Certificate any = read(PkiFixtures.certificate("CN=Unit Root").key(ROOT_KEY).ca(true)
                .purpose(KeyPurposeId.id_kp_clientAuth).purpose(KeyPurposeId.anyExtendedKeyUsage).build());

        assertEquals("the CA certificate 'Unit Root' of the store may not issue certificates for TLS servers: its"
                + " extended key usage (clientAuth, emailProtection) includes neither serverAuth nor"
                + " anyExtendedKeyUsage", validate("h", clientsOnly, server().dns("h").build()).reasons());
        assertTrue(validate("h", any, server().dns("h").build()).trusted());
    }

    @Test
    void tls13NeedsAKeyThatSigns() throws Exception {
        List<Certificate> presented = List.of(read(server().dns("h").keyUsage(KeyUsage.keyEncipherment).build()));
        TrustAnchorIndex anchors = TrustAnchorIndex.of(List.of(root()));

        assertEquals("the server certificate 'server' may not be used by a TLS 1.3 server: its key usage"
                + " (keyEncipherment) lacks digitalSignature, which TLS 1.3 requires of every server key"
                + " (keyEncipherment and keyAgreement serve only the key exchanges of older TLS versions)",
                ServerChainValidator.validate(presented, anchors, "h", NOW, "TLSv1.3").reasons());
        assertTrue(ServerChainValidator.validate(presented, anchors, "h", NOW, "TLSv1.2").trusted());
        List<Certificate> signing = List.of(read(server().dns("h")
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment).build()));
        assertTrue(ServerChainValidator.validate(signing, anchors, "h", NOW, "TLSv1.3").trusted());
    }

    @Test
    void anExpiredStoreCaListedBeforeItsRenewalDoesNotHideIt() throws Exception {
        Certificate expired = read(PkiFixtures.certificate("CN=Unit Root").key(ROOT_KEY).ca(true)
                .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(2))).build());
        Certificate renewed = root();
        List<Certificate> presented = List.of(read(server().dns("h").build()));

        for (List<Certificate> store : List.of(List.of(expired, renewed), List.of(renewed, expired))) {
            ServerChainVerdict verdict = ServerChainValidator.validate(presented, store, "h", NOW);

            assertTrue(verdict.trusted(), verdict.reasons());
            assertEquals(renewed, verdict.anchor());
        }
    }

    @Test
    void anOldIntermediateSentBeforeItsRenewalDoesNotHideIt() throws Exception {
        KeyPair key = PkiFixtures.freshEc();
        byte[] old = PkiFixtures.certificate("CN=Unit Intermediate").key(key).issuedBy("CN=Unit Root", ROOT_KEY)
                .ca(true).validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(2))).build();
        byte[] renewed = PkiFixtures.certificate("CN=Unit Intermediate").key(key).issuedBy("CN=Unit Root", ROOT_KEY)
                .ca(true).build();
        byte[] leaf = PkiFixtures.certificate("CN=server").key(SERVER_KEY).issuedBy("CN=Unit Intermediate", key)
                .dns("h").build();

        ServerChainVerdict verdict = validate("h", root(), leaf, old, renewed);

        assertTrue(verdict.trusted(), verdict.reasons());
        assertEquals(read(renewed), verdict.path().get(1));
    }

    @Test
    void whenNoPathPassesTheFirstJudgedGivesTheReason() throws Exception {
        Certificate expired = read(PkiFixtures.certificate("CN=Unit Root").key(ROOT_KEY).ca(true)
                .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(2))).build());
        Certificate clientsOnly = read(PkiFixtures.certificate("CN=Unit Root").key(ROOT_KEY).ca(true)
                .purpose(KeyPurposeId.id_kp_clientAuth).build());
        List<Certificate> presented = List.of(read(server().dns("h").build()));

        ServerChainVerdict verdict = ServerChainValidator.validate(presented, List.of(expired, clientsOnly), "h", NOW);

        assertEquals("the CA certificate 'Unit Root' of the store may not issue certificates for TLS servers: its"
                + " extended key usage (clientAuth) includes neither serverAuth nor anyExtendedKeyUsage",
                verdict.reasons());
        assertEquals(clientsOnly, verdict.anchor());
    }

    /**
     * Without its step budget the search would try 10! orders: it must fail, not hang the build. The search does not
     * heed interruption, so the timeout watches it from another thread (in the same thread JUnit would wait for the
     * end of the search before failing).
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void certificatesThatAllIssueEachOtherEndTheSearchSoon() throws Exception {
        KeyPair loopKey = PkiFixtures.freshEc();
        List<Certificate> loop = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            loop.add(read(PkiFixtures.certificate("CN=Loop").key(loopKey).ca(true).dns("h").build()));
        }

        ServerChainVerdict verdict = ServerChainValidator.validate(loop, List.of(root()), "h", NOW);

        assertEquals(CryptoErrorCode.CHAIN_ISSUER_UNKNOWN, verdict.problems().get(0).code(), verdict.reasons());
        assertEquals("Loop", verdict.unknownIssuer());
    }
}
