package org.certbench.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.PrivateKeys;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.UploadCheck;
import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.testing.servers.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal of an upload with the words the administrator reads, and every warning it is accepted with. */
class UploadRulesTest {

    @TempDir
    Path work;

    private final HostIdentity host = new HostIdentity("web", "web.example.org", List.of());
    private final Instant now = Instant.now();
    private HostCertificateService service;

    @BeforeEach
    void open() {
        service = new HostCertificateService(work.resolve("home/host"), new RecordedMessages(), () -> host,
                Clock.systemUTC(), Duration.ofSeconds(3), false);
        service.addTarget(new HttpsTarget());
    }

    private PkiFixtures.Builder hostCertificate(KeyPair key) {
        return PkiFixtures.certificate("CN=web.example.org").key(key).dns("web.example.org").dns("web")
                .purpose(KeyPurposeId.id_kp_serverAuth).validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    private Path pem(String name, byte[] der) throws Exception {
        return Pairs.writeCertificate(Certificate.fromDer(der, name), work.resolve(name));
    }

    private Path key(String name, KeyPair key) throws Exception {
        Path file = work.resolve(name);
        Files.writeString(file, PrivateKeys.toPem(key.getPrivate()));
        return file;
    }

    private static String refusal(UploadCheck check) {
        assertFalse(check.accepted());
        assertNull(check.credentials());
        assertEquals(1, check.problems().size(), check.problems().toString());
        return check.problems().get(0);
    }

    @Test
    void aMatchingPairForThisHostIsAcceptedWithoutWarnings() throws Exception {
        KeyPair key = PkiFixtures.freshEc();
        UploadCheck check = service.check(pem("host.crt", hostCertificate(key).build()), key("host.key", key));

        assertTrue(check.accepted());
        assertEquals(List.of(), check.warnings());
        assertEquals(List.of(), check.credentials().chain());
    }

    @Test
    void aDerCertificateIsAccepted() throws Exception {
        KeyPair key = PkiFixtures.freshEc();
        Path der = work.resolve("host.der");
        Files.write(der, hostCertificate(key).build());

        assertTrue(service.check(der, key("host.key", key)).accepted());
    }

    @Test
    void aPassphraseProtectedKeyIsRefused() throws Exception {
        KeyPair key = PkiFixtures.freshEc();
        Path plain = key("plain.key", key);
        Path encrypted = work.resolve("encrypted.key");
        TestServers.run(List.of("openssl", "pkey", "-in", plain.toString(), "-aes256", "-passout", "pass:secret",
                "-out", encrypted.toString()));

        UploadCheck check = service.check(pem("host.crt", hostCertificate(key).build()), encrypted);

        assertEquals("Private keys protected by a passphrase are not supported.", refusal(check));
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() throws Exception {
        Path certificate = pem("host.crt", hostCertificate(PkiFixtures.freshEc()).build());
        Path other = key("other.key", PkiFixtures.freshEc());

        assertEquals("The private key in " + other + " does not match the certificate in " + certificate + ".",
                refusal(service.check(certificate, other)));
    }

    @Test
    void swappedFilesAreRefusedAsSwapped() throws Exception {
        KeyPair key = PkiFixtures.freshEc();
        Path certificate = pem("host.crt", hostCertificate(key).build());
        Path keyFile = key("host.key", key);

        assertEquals("The certificate and the private key were given the wrong way round: " + keyFile
                + " holds the private key and " + certificate + " the certificate.",
                refusal(service.check(keyFile, certificate)));
    }

    @Test
    void aFileWithoutACertificateIsRefused() throws Exception {
        Path notes = work.resolve("notes.crt");
        Files.writeString(notes, "this is not a certificate\n");

        assertEquals("The file " + notes + " contains no certificate.",
                refusal(service.check(notes, key("host.key", PkiFixtures.freshEc()))));
    }

    @Test
    void aFileWithoutAKeyIsRefused() throws Exception {
        KeyPair key = PkiFixtures.freshEc();
        Path notes = work.resolve("notes.key");
        Files.writeString(notes, "this is not a key\n");

        assertEquals("The file " + notes + " contains no private key.",
                refusal(service.check(pem("host.crt", hostCertificate(key).build()), notes)));
    }

    @Test
    void anOversizeFileIsRefusedBeforeItIsRead() throws Exception {
        Path huge = work.resolve("huge.crt");
        Files.write(huge, new byte[2 * 1024 * 1024]);

        assertEquals("The file " + huge + " is 2097152 bytes long; files over 1 MiB (1048576 bytes) are not read.",
                refusal(service.check(huge, key("host.key", PkiFixtures.freshEc()))));
    }

    @Test
    void aRefusedUploadThrowsTheRefusalAndTouchesNoFile() throws Exception {
        Path target = work.resolve("tls/server.crt");
        service.configure("https", Map.of(HttpsOptions.CERTIFICATE_FILE, target.toString(), HttpsOptions.KEY_FILE,
                work.resolve("tls/server.key").toString(), HttpsOptions.RELOAD_COMMAND, "true"));
        Path certificate = pem("host.crt", hostCertificate(PkiFixtures.freshEc()).build());
        Path other = key("other.key", PkiFixtures.freshEc());

        HostCertificateException refused = assertThrows(HostCertificateException.class,
                () -> service.upload("https", certificate, other));

        assertEquals(Reason.REFUSED, refused.reason());
        assertEquals("The private key in " + other + " does not match the certificate in " + certificate + ".",
                refused.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void namesThatDoNotCoverThisHostAreAWarning() throws Exception {
        KeyPair key = PkiFixtures.freshEc();
        byte[] elsewhere = PkiFixtures.certificate("CN=elsewhere.example").key(key).dns("elsewhere.example")
                .purpose(KeyPurposeId.id_kp_serverAuth).validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)))
                .build();

        UploadCheck check = service.check(pem("elsewhere.crt", elsewhere), key("host.key", key));

        assertTrue(check.accepted());
        assertEquals(List.of("It is issued for DNS:elsewhere.example, which does not cover this host (web.example.org): "
                + "clients that check the name will refuse it."), check.warnings());
    }

    @Test
    void aWildcardForTheDomainCoversThisHost() throws Exception {
        KeyPair key = PkiFixtures.freshEc();
        byte[] wildcard = PkiFixtures.certificate("CN=*.example.org").key(key).dns("*.example.org")
                .purpose(KeyPurposeId.id_kp_serverAuth).validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)))
                .build();

        assertEquals(List.of(), service.check(pem("wildcard.crt", wildcard), key("host.key", key)).warnings());
    }

    @Test
    void noServerAuthenticationIsAWarning() throws Exception {
        KeyPair key = PkiFixtures.freshEc();
        byte[] client = PkiFixtures.certificate("CN=web.example.org").key(key).dns("web.example.org")
                .purpose(KeyPurposeId.id_kp_clientAuth).validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)))
                .build();

        UploadCheck check = service.check(pem("client.crt", client), key("host.key", key));

        assertTrue(check.accepted());
        assertEquals(List.of("Its Extended Key Usage (clientAuth) does not include Server Authentication: "
                + "TLS clients may refuse it."), check.warnings());
    }

    @Test
    void expiryWithinThirtyDaysIsAWarning() throws Exception {
        KeyPair key = PkiFixtures.freshEc();
        Instant end = now.plus(Duration.ofDays(10)).plus(Duration.ofHours(1));
        byte[] expiring = hostCertificate(key).validity(now.minus(Duration.ofDays(80)), end).build();

        UploadCheck check = service.check(pem("expiring.crt", expiring), key("host.key", key));

        assertTrue(check.accepted());
        assertEquals(List.of("It expires on " + LocalDate.ofInstant(end, ZoneOffset.UTC) + ", in 10 days."),
                check.warnings());
    }

    @Test
    void aChainWhoseCertificatesDoNotLinkIsAWarningAndItsRestIsServedAsTheChain() throws Exception {
        KeyPair caKey = PkiFixtures.freshEc();
        KeyPair key = PkiFixtures.freshEc();
        byte[] leaf = hostCertificate(key).issuedBy("CN=Issuing CA", caKey).build();
        byte[] unrelated = PkiFixtures.ca("CN=Unrelated CA", PkiFixtures.freshEc());
        Path chain = work.resolve("chain.crt");
        Files.writeString(chain, Certificate.fromDer(leaf, "leaf").pem() + Certificate.fromDer(unrelated, "ca").pem());

        UploadCheck check = service.check(chain, key("host.key", key));

        assertTrue(check.accepted());
        assertEquals(List.of("The chain does not link: 'web.example.org' was not issued by the next certificate of "
                + "the file, 'Unrelated CA'. Clients may fail to verify it."), check.warnings());
        assertEquals(List.of(Certificate.fromDer(unrelated, "ca")), check.credentials().chain());
        assertEquals(List.of("chain.crt holds 1 more certificate after the host's certificate: it is served as its "
                + "chain."), check.notices());
    }

    @Test
    void aChainThatLinksIsNoWarning() throws Exception {
        KeyPair caKey = PkiFixtures.freshEc();
        KeyPair key = PkiFixtures.freshEc();
        byte[] leaf = hostCertificate(key).issuedBy("CN=Issuing CA", caKey).build();
        byte[] issuer = PkiFixtures.ca("CN=Issuing CA", caKey);
        Path chain = work.resolve("chain.crt");
        Files.writeString(chain, Certificate.fromDer(leaf, "leaf").pem() + Certificate.fromDer(issuer, "ca").pem());

        assertEquals(List.of(), service.check(chain, key("host.key", key)).warnings());
    }

    @Test
    void severalCertificatesOfTheChainAreCountedInThePlural() throws Exception {
        KeyPair caKey = PkiFixtures.freshEc();
        KeyPair key = PkiFixtures.freshEc();
        byte[] leaf = hostCertificate(key).issuedBy("CN=Issuing CA", caKey).build();
        byte[] issuer = PkiFixtures.ca("CN=Issuing CA", caKey);
        byte[] root = PkiFixtures.ca("CN=Some Root", PkiFixtures.freshEc());
        Path chain = work.resolve("chain.crt");
        Files.writeString(chain, Certificate.fromDer(leaf, "leaf").pem() + Certificate.fromDer(issuer, "ca").pem()
                + Certificate.fromDer(root, "root").pem());

        assertEquals(List.of("chain.crt holds 2 more certificates after the host's certificate: they are served as "
                + "its chain."), service.check(chain, key("host.key", key)).notices());
    }

    @Test
    void expiryInOneDayOrLessIsWordedSo() throws Exception {
        KeyPair key = PkiFixtures.freshEc();
        Instant tomorrow = now.plus(Duration.ofDays(1)).plus(Duration.ofHours(1));
        Instant tonight = now.plus(Duration.ofHours(2));

        assertEquals(List.of("It expires on " + LocalDate.ofInstant(tomorrow, ZoneOffset.UTC) + ", in 1 day."),
                service.check(pem("tomorrow.crt", hostCertificate(key).validity(now.minus(Duration.ofDays(80)),
                        tomorrow).build()), key("host.key", key)).warnings());
        assertEquals(List.of("It expires on " + LocalDate.ofInstant(tonight, ZoneOffset.UTC)
                + ", in less than a day."), service.check(pem("tonight.crt", hostCertificate(key).validity(
                        now.minus(Duration.ofDays(80)), tonight).build()), key("host.key", key)).warnings());
    }
}
