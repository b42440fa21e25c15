package org.certbench.truststore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.certbench.core.AuditEntry;
import org.certbench.core.AuditLog;
import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.ImportResult;
import org.certbench.truststore.TrustStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 24, 5: importing, refusing and deleting a CA certificate each leave an entry in the home's audit log. */
class TrustStoreAuditTest {

    private static final Instant NOW = Instant.now();

    @TempDir
    Path home;

    @Test
    void importRefusalAndDeleteAreAuditedWithTheirFingerprints() throws Exception {
        FileTrustStore store = new FileTrustStore(home.resolve("truststore"), new TrustStoreSettings(
                TrustStoreSettings.DEFAULT_WARNING_DAYS, Duration.ofHours(24), List.of()), new RecordedMessages(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Path root = pem("root.pem", PkiFixtures.ca("CN=Audit Root CA", PkiFixtures.ec()));
        Path expired = pem("old.pem", PkiFixtures.certificate("CN=Old CA").ca(true)
                .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")).build());

        ImportResult imported = store.importCertificate(root);
        assertThrows(TrustStoreException.class, () -> store.importCertificate(expired));
        store.delete(imported.entry().id());

        List<AuditEntry> entries = new AuditLog(home.resolve("audit"), null, Clock.systemUTC()).read(null).entries();
        String fingerprint = imported.entry().certificate().sha256Fingerprint();
        assertEquals(List.of("ca.import", "ca.import", "ca.delete"), entries.stream().map(AuditEntry::action).toList());
        assertEquals(List.of(true, false, true), entries.stream().map(AuditEntry::ok).toList());
        assertEquals("CN=Audit Root CA", entries.get(0).object());
        assertEquals(fingerprint, entries.get(0).after());
        assertTrue(entries.get(1).message().startsWith("old.pem is refused: expired"), entries.get(1).message());
        assertEquals(fingerprint, entries.get(2).before());
        assertEquals(null, entries.get(2).after());
        assertEquals(NOW, entries.get(0).time());
        assertEquals(System.getProperty("user.name"), entries.get(0).who());
        assertTrue(Files.exists(home.resolve("audit/" + java.time.YearMonth.now(ZoneOffset.UTC) + ".jsonl")));
    }

    @Test
    void importingAFileThatIsNoCertificateLeavesAFailedEntryNamingTheFile() throws Exception {
        FileTrustStore store = new FileTrustStore(home.resolve("truststore"), new TrustStoreSettings(
                TrustStoreSettings.DEFAULT_WARNING_DAYS, Duration.ofHours(24), List.of()), new RecordedMessages(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Path notes = Files.writeString(home.resolve("notes.pem"), "not a certificate\n");

        org.certbench.crypto.CertBenchCryptoException refused = assertThrows(
                org.certbench.crypto.CertBenchCryptoException.class, () -> store.importCertificate(notes));

        List<AuditEntry> entries = new AuditLog(home.resolve("audit"), null, Clock.systemUTC()).read(null).entries();
        assertEquals(1, entries.size());
        assertEquals("ca.import", entries.get(0).action());
        assertEquals(false, entries.get(0).ok());
        assertEquals(notes.toAbsolutePath().toString(), entries.get(0).object());
        assertEquals(refused.getMessage(), entries.get(0).message());
        assertEquals(null, entries.get(0).after());
    }

    @Test
    void settingTheProxyIsAuditedWithTheValuesBeforeAndAfter() throws Exception {
        FileTrustStore store = new FileTrustStore(home.resolve("truststore"), new TrustStoreSettings(
                TrustStoreSettings.DEFAULT_WARNING_DAYS, Duration.ofHours(24), List.of()), new RecordedMessages(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        OutboundTlsService tls = new OutboundTlsService(store, new NetSettings(home.resolve("net.properties")),
                Clock.systemUTC());
        org.certbench.truststore.ProxySettings proxy = new org.certbench.truststore.ProxySettings("proxy.example", 3128);

        tls.setProxy(proxy);
        tls.setProxy(org.certbench.truststore.ProxySettings.NONE);

        List<AuditEntry> entries = new AuditLog(home.resolve("audit"), null, Clock.systemUTC()).read(null).entries();
        assertEquals(List.of("settings.proxy", "settings.proxy"), entries.stream().map(AuditEntry::action).toList());
        assertEquals(List.of(true, true), entries.stream().map(AuditEntry::ok).toList());
        assertEquals(home.resolve("net.properties").toString(), entries.get(0).object());
        assertEquals(org.certbench.truststore.ProxySettings.NONE.toString(), entries.get(0).before());
        assertEquals(proxy.toString(), entries.get(0).after());
        assertEquals(proxy.toString(), entries.get(1).before());
        assertEquals(org.certbench.truststore.ProxySettings.NONE.toString(), entries.get(1).after());
    }

    private Path pem(String name, byte[] der) throws Exception {
        return Files.writeString(home.resolve(name), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END CERTIFICATE-----\n",
                StandardCharsets.US_ASCII);
    }
}
