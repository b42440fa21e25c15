package org.certbench.truststore.internal;

import static org.certbench.testing.pki.PkiFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificates;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.CaCheck;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.ExportFormat;
import org.certbench.truststore.ImportResult;
import org.certbench.truststore.ReloadMonitor;
import org.certbench.truststore.ReloadResult;
import org.certbench.truststore.TrustStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.certbench.testing.messages.RecordedMessages;

/** The first seed's CA certificates: every rule, every bad input, with the words an administrator reads. */
class FileTrustStoreTest {

    @TempDir
    Path work;

    private final RecordedMessages messages = new RecordedMessages();

    private FileTrustStore open(Instant now) throws IOException {
        return new FileTrustStore(work.resolve("truststore"), new TrustStoreSettings(
                TrustStoreSettings.DEFAULT_WARNING_DAYS, Duration.ofHours(24), List.of()), messages,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private Path pem(String name, byte[] der) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, pemText(der), StandardCharsets.US_ASCII);
        return file;
    }

    private static String pemText(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    @Test
    void aValidCaIsCheckedThenImportedAsOneFileNamedByItsFingerprint() throws Exception {
        FileTrustStore store = open(NOW);
        Path file = pem("root.pem", PkiFixtures.ca("CN=Example Root CA,O=Example", PkiFixtures.ec()));

        CaCheck check = store.check(file);
        assertTrue(check.accepted(), check.problems().toString());
        assertEquals(List.of(), store.list(), "Upload stores nothing");

        ImportResult imported = store.importCertificate(file);

        assertFalse(imported.alreadyPresent());
        assertEquals("Example Root CA", imported.entry().commonName());
        assertTrue(Files.isRegularFile(work.resolve("truststore").resolve(imported.entry().id() + ".pem")));
        assertEquals(List.of(imported.entry()), store.list());
        assertEquals(List.of(imported.entry()), open(NOW).list(), "a restart reads it back");
    }

    @Test
    void importingTheSameCertificateAgainSaysSoAndChangesNothing() throws Exception {
        FileTrustStore store = open(NOW);
        Path file = pem("root.pem", PkiFixtures.ca("CN=Example Root CA", PkiFixtures.ec()));
        store.importCertificate(file);

        CaCheck check = store.check(file);
        ImportResult again = store.importCertificate(file);

        assertEquals(again.entry().id(), check.alreadyStored());
        assertTrue(again.alreadyPresent());
        assertEquals(1, store.list().size());
        try (var files = Files.list(work.resolve("truststore"))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void anExpiredCertificateIsRefusedNamingTheDay() throws Exception {
        Path file = pem("old.pem", PkiFixtures.certificate("CN=Old CA").ca(true)
                .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")).build());

        TrustStoreException refused = assertThrows(TrustStoreException.class, () -> open(NOW).importCertificate(file));

        assertTrue(refused.getMessage().startsWith("old.pem is refused: expired on ")
                && refused.getMessage().contains("2026-01-01"), refused.getMessage());
    }

    @Test
    void aCertificateNotYetValidIsRefused() throws Exception {
        Path file = pem("future.pem", PkiFixtures.certificate("CN=Future CA").ca(true)
                .validity(Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z")).build());

        CaCheck check = open(NOW).check(file);

        assertFalse(check.accepted());
        assertTrue(check.problems().get(0).startsWith("not valid before "), check.problems().toString());
    }

    @Test
    void aCertificateWithoutTheCaBitIsRefused() throws Exception {
        Path noExtension = pem("leaf.pem", PkiFixtures.certificate("CN=server.example").build());
        Path caFalse = pem("leaf2.pem", PkiFixtures.certificate("CN=server2.example").ca(false).build());
        FileTrustStore store = open(NOW);

        assertEquals(List.of("not a CA certificate: Basic Constraints extension is missing"),
                store.check(noExtension).problems());
        assertEquals(List.of("not a CA certificate: Basic Constraints does not contain CA=true"),
                store.check(caFalse).problems());
        TrustStoreException refused = assertThrows(TrustStoreException.class, () -> store.importCertificate(caFalse));
        assertEquals("leaf2.pem is refused: not a CA certificate: Basic Constraints does not contain CA=true",
                refused.getMessage());
        assertEquals(List.of(), store.list());
    }

    @Test
    void badFilesAreRefusedInWords() throws Exception {
        FileTrustStore store = open(NOW);
        Path empty = Files.writeString(work.resolve("empty.pem"), "");
        Path garbage = Files.write(work.resolve("garbage.der"), new byte[] { 1, 2, 3, 4, 5 });
        Path wrongExtension = pem("root.txt", PkiFixtures.ca("CN=Root", PkiFixtures.ec()));
        Path key = Files.writeString(work.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(PkiFixtures.ec().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Path huge = Files.write(work.resolve("huge.pem"), new byte[1024 * 1024 + 1]);

        assertEquals("The file " + empty + " is empty.", refusal(store, empty));
        assertTrue(refusal(store, garbage).startsWith("The file " + garbage + " "), refusal(store, garbage));
        assertEquals("The file " + wrongExtension.getFileName()
                + " is not supported. Only files with extensions .pem, .crt, or .der are supported.",
                refusal(store, wrongExtension));
        assertEquals("The file " + key + " contains a private key, not a certificate. "
                + "Were the certificate and the key given the wrong way round?", refusal(store, key));
        assertEquals("The file " + huge + " is 1048577 bytes long; files over 1 MiB (1048576 bytes) are not read.",
                refusal(store, huge));
    }

    private static String refusal(FileTrustStore store, Path file) {
        return assertThrows(CertBenchCryptoException.class, () -> store.check(file)).getMessage();
    }

    @Test
    void extensionsAreAcceptedInAnyCaseAndDerToo() throws Exception {
        Path der = Files.write(work.resolve("ROOT.DER"), PkiFixtures.ca("CN=Der Root", PkiFixtures.ec()));
        Path crt = pem("Root.Crt", PkiFixtures.ca("CN=Crt Root", PkiFixtures.freshEc()));
        FileTrustStore store = open(NOW);

        assertTrue(store.check(der).accepted());
        assertTrue(store.check(crt).accepted());
    }

    @Test
    void onlyTheFirstCertificateOfAFileIsUsedAndTheResultSaysSo() throws Exception {
        Path file = work.resolve("bundle.pem");
        Files.writeString(file, "Bag of certificates\r\n" + pemText(PkiFixtures.ca("CN=First", PkiFixtures.ec()))
                + pemText(PkiFixtures.ca("CN=Second", PkiFixtures.freshEc())));
        FileTrustStore store = open(NOW);

        ImportResult imported = store.importCertificate(file);

        assertEquals("First", imported.entry().commonName());
        assertEquals(List.of("The file " + file + " holds 2 certificates: only the first certificate of the file is used."),
                imported.notices());
        assertEquals(1, store.list().size());
    }

    @Test
    void anIntermediateWithoutItsIssuerIsAllowedWithAWarning() throws Exception {
        KeyPair rootKey = PkiFixtures.freshEc();
        byte[] root = PkiFixtures.ca("CN=Chain Root", rootKey);
        byte[] intermediate = PkiFixtures.certificate("CN=Chain Intermediate").key(PkiFixtures.freshEc()).ca(true)
                .issuedBy("CN=Chain Root", rootKey).build();
        FileTrustStore store = open(NOW);

        ImportResult alone = store.importCertificate(pem("intermediate.pem", intermediate));
        assertEquals(List.of("The chain is incomplete: its issuer 'Chain Root' is not in the CA certificates. "
                + "CA certificates are added one by one: import the issuer too."), alone.warnings());

        store.importCertificate(pem("root.pem", root));
        assertEquals(List.of(), store.check(pem("intermediate2.pem", intermediate)).warnings(),
                "no warning once the issuer is in the store");
    }

    @Test
    void weakKeysAreAcceptedWithAWarning() throws Exception {
        KeyPair weak = PkiFixtures.generate("RSA", null, 1024);
        Path file = pem("weak.pem", PkiFixtures.certificate("CN=Weak Root").key(weak).ca(true).build());

        CaCheck check = open(NOW).check(file);

        assertTrue(check.accepted());
        assertEquals(List.of("weak key: RSA with 1024 bits (2048 bits or more recommended)"), check.warnings());
    }

    @Test
    void deleteRemovesTheCertificateAndItsFile() throws Exception {
        FileTrustStore store = open(NOW);
        CaEntry entry = store.importCertificate(pem("root.pem", PkiFixtures.ca("CN=Gone Root", PkiFixtures.ec())))
                .entry();

        CaEntry deleted = store.delete(entry.id().substring(0, 8).toUpperCase());

        assertEquals(entry, deleted);
        assertEquals(List.of(), store.list());
        assertFalse(Files.exists(work.resolve("truststore").resolve(entry.fileName())));
        assertEquals("No CA certificate has a SHA-256 fingerprint starting with '" + entry.id() + "'.",
                assertThrows(TrustStoreException.class, () -> store.get(entry.id())).getMessage());
    }

    @Test
    void idsAcceptPrefixesAndColonsAndRefuseAmbiguity() throws Exception {
        FileTrustStore store = open(NOW);
        CaEntry entry = store.importCertificate(pem("a.pem", PkiFixtures.ca("CN=A", PkiFixtures.ec()))).entry();
        store.importCertificate(pem("b.pem", PkiFixtures.ca("CN=B", PkiFixtures.freshEc())));

        assertEquals(entry, store.get(entry.certificate().sha256Fingerprint()));
        assertEquals(entry, store.get(entry.id().substring(0, 10)));
        // as pasted from openssl with blanks: the crypto core's one reading of what administrators type
        assertEquals(entry, store.get(" " + entry.certificate().sha256Fingerprint().substring(0, 11).replace(':', ' ')));
        assertEquals(entry, store.get("\u00A0" + entry.certificate().sha256Fingerprint().substring(0, 11) + "\u202F"));
        // a name or a lone separator is no start of an id
        assertEquals("No CA certificate has a SHA-256 fingerprint starting with 'Acme Corp'.",
                assertThrows(TrustStoreException.class, () -> store.get(" Acme Corp")).getMessage());
        assertEquals("No CA certificate has a SHA-256 fingerprint starting with ':'.",
                assertThrows(TrustStoreException.class, () -> store.get(":")).getMessage());
        assertEquals("Which CA certificate? Give its SHA-256 fingerprint (a unique prefix is enough).",
                assertThrows(TrustStoreException.class, () -> store.get(" ")).getMessage());
    }

    @Test
    void exportGivesPemOrDerOfTheSameCertificate() throws Exception {
        FileTrustStore store = open(NOW);
        byte[] der = PkiFixtures.ca("CN=Export Root", PkiFixtures.ec());
        CaEntry entry = store.importCertificate(pem("root.pem", der)).entry();

        assertArrayEquals(der, store.export(entry.id(), ExportFormat.DER));
        byte[] pem = store.export(entry.id(), ExportFormat.PEM);
        assertTrue(new String(pem, StandardCharsets.US_ASCII).startsWith("-----BEGIN CERTIFICATE-----"));
        assertArrayEquals(der, Certificates.read(pem, "export.pem").certificate().der());
    }

    @Test
    void reloadPicksUpDroppedFilesDropsRemovedOnesAndReportsUnreadableOnes() throws Exception {
        FileTrustStore store = open(NOW);
        CaEntry imported = store.importCertificate(pem("root.pem", PkiFixtures.ca("CN=Imported", PkiFixtures.ec())))
                .entry();
        Path directory = work.resolve("truststore");
        Files.write(directory.resolve("dropped-by-admin.crt"), PkiFixtures.ca("CN=Dropped", PkiFixtures.freshEc()));
        Files.writeString(directory.resolve("notes.pem"), "not a certificate");
        Files.delete(directory.resolve(imported.fileName()));

        ReloadResult result = store.reload();

        assertEquals(1, result.certificates());
        assertEquals(1, result.added());
        assertEquals(1, result.removed());
        assertEquals(List.of("Dropped"), store.list().stream().map(CaEntry::commonName).toList());
        assertEquals(1, result.unreadable().size());
        assertTrue(result.unreadable().get(0).startsWith("notes.pem in the CA certificates directory was ignored: "),
                result.unreadable().get(0));
    }

    @Test
    void aReloadCancelledAfterReadingTheDirectoryKeepsTheListAndTellsNoListener() throws Exception {
        FileTrustStore store = open(NOW);
        store.importCertificate(pem("root.pem", PkiFixtures.ca("CN=Imported", PkiFixtures.ec())));
        Files.write(work.resolve("truststore/dropped-by-admin.crt"), PkiFixtures.ca("CN=Dropped", PkiFixtures.freshEc()));
        AtomicInteger told = new AtomicInteger();
        store.addChangeListener(told::incrementAndGet);
        ReloadMonitor cancelWhileReading = new ReloadMonitor() {
            private volatile boolean reading;

            @Override
            public void subTask(String text) {
                reading |= text.startsWith("Reading the CA certificates in ");
            }

            @Override
            public boolean isCanceled() {
                return reading;
            }
        };

        TrustStoreException canceled = assertThrows(TrustStoreException.class, () -> store.reload(cancelWhileReading));

        assertEquals("Reload cancelled before the list was replaced: nothing changed, the store still holds 1 CA "
                + "certificate.", canceled.getMessage());
        assertEquals(0, told.get(), "no listener hears of a cancelled reload");
        assertEquals(1, store.reload().added(), "the cancelled reload took nothing in");
    }

    @Test
    void aCaWithAnEmptySubjectIsListedAsEmptyCommonNameAndCannotVerify() throws Exception {
        FileTrustStore store = open(NOW);
        Path file = Files.write(work.resolve("empty-subject.der"), PkiFixtures.certificate("").ca(true).build());

        CaEntry entry = store.importCertificate(file).entry();

        assertEquals("Empty Common Name", entry.commonName());
        assertFalse(entry.usableAsTrustAnchor());
        assertEquals("It cannot verify connections: its subject is empty, so no certificate can name it as issuer.",
                entry.anchorProblem());
        assertNull(store.list().stream().filter(CaEntry::usableAsTrustAnchor).findAny().orElse(null));
    }

    @Test
    void aCaWhoseNameConstraintsCannotBeReadIsRefusedInWords() throws Exception {
        FileTrustStore store = open(NOW);
        byte[] notConstraints = new DERSequence(new ASN1Integer(5)).getEncoded();
        Path file = pem("damaged-constraints.pem", PkiFixtures.certificate("CN=Damaged Constraints Root").ca(true)
                .extension(Extension.nameConstraints, true, notConstraints).build());
        String reason = "its name constraints cannot be read (the extension is not a valid NameConstraints structure),"
                + " so they could not be enforced on the connections it verifies";

        assertEquals(List.of(reason), store.check(file).problems());
        TrustStoreException refused = assertThrows(TrustStoreException.class, () -> store.importCertificate(file));
        assertEquals("damaged-constraints.pem is refused: " + reason, refused.getMessage());
        assertEquals(List.of(), store.list());
    }

    @Test
    void aCaWithAnAddressRangeWithoutMaskIsRefused() throws Exception {
        FileTrustStore store = open(NOW);
        Path file = pem("no-mask.pem", PkiFixtures.certificate("CN=No Mask Root").ca(true)
                .permit(new GeneralName(GeneralName.iPAddress, new DEROctetString(new byte[] { 10, 0, 0, 0 }))).build());

        assertEquals(List.of("its name constraints cannot be read (an IP address range holds no address and mask of"
                + " the same length), so they could not be enforced on the connections it verifies"),
                store.check(file).problems());
    }

    @Test
    void aCaWithReadableNameConstraintsIsImported() throws Exception {
        FileTrustStore store = open(NOW);
        Path file = pem("constrained.pem", PkiFixtures.certificate("CN=Constrained Root").ca(true)
                .permit(PkiFixtures.dns("example.com")).exclude(PkiFixtures.ipRange("10.0.0.0/8")).build());

        CaEntry entry = store.importCertificate(file).entry();

        assertTrue(entry.usableAsTrustAnchor(), entry.anchorProblem());
    }

    @Test
    void aCaWithUnreadableConstraintsDroppedIntoTheStoreIsListedAsUnableToVerify() throws Exception {
        FileTrustStore store = open(NOW);
        Files.createDirectories(work.resolve("truststore"));
        pem("truststore/dropped.pem", PkiFixtures.certificate("CN=Dropped Root").ca(true)
                .extension(Extension.nameConstraints, true, new DERSequence(new ASN1Integer(5)).getEncoded()).build());

        store.reload();

        CaEntry entry = store.list().get(0);
        assertFalse(entry.usableAsTrustAnchor());
        assertEquals("It cannot verify connections: its name constraints cannot be read (the extension is not a valid"
                + " NameConstraints structure), so they could not be enforced on the connections it verifies",
                entry.anchorProblem());
    }
}
