package org.certbench.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.certbench.crypto.HostIdentity;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.TargetSummary;
import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.servers.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings in {@code <home>/host/<id>.properties}: stored, refused, and what a missing or bad one says. */
class SettingsTest {

    @TempDir
    Path work;

    private HostCertificateService service;

    @BeforeEach
    void open() {
        service = new HostCertificateService(work.resolve("host"), new RecordedMessages(),
                () -> new HostIdentity("web", "web.example.org", List.of()), Clock.systemUTC(), Duration.ofSeconds(3),
                false);
        service.addTarget(new HttpsTarget());
        service.addTarget(new PostgresTarget());
    }

    @Test
    void targetsAreListedByNameWithWhetherTheyAreConfigured() throws Exception {
        service.configure("postgresql", Map.of("data.directory", "/var/lib/postgresql/15/main"));

        List<TargetSummary> targets = service.targets();

        assertEquals(List.of("https", "postgresql"), targets.stream().map(TargetSummary::id).toList());
        assertEquals(List.of("HTTPS", "PostgreSQL"), targets.stream().map(TargetSummary::displayName).toList());
        assertEquals(List.of(false, true), targets.stream().map(TargetSummary::configured).toList());
    }

    @Test
    void configureStoresTheValuesAndAnEmptyValueRemovesOne() throws Exception {
        service.configure("https", Map.of("check.address", "127.0.0.1:8443", "key.owner", "www-data"));
        Map<String, String> changes = new HashMap<>();
        changes.put("key.owner", "");

        service.configure("https", changes);

        assertEquals(Map.of("check.address", "127.0.0.1:8443"), service.show("https").settings().values());
        String file = Files.readString(work.resolve("host/https.properties"));
        assertTrue(file.contains("check.address=127.0.0.1\\:8443\n"), file);
        assertFalse(file.contains("key.owner"), file);
    }

    @Test
    void anUnknownKeyIsRefusedNamingTheKnownOnes() {
        HostCertificateException refused = assertThrows(HostCertificateException.class,
                () -> service.configure("https", Map.of("colour", "blue")));

        assertEquals(Reason.UNKNOWN_SETTING, refused.reason());
        assertEquals("colour: not a setting of HTTPS. Its settings are: certificate.file, key.file, key.owner, "
                + "reload.command, check.address, check.server.name, key.type, names.", refused.getMessage());
        assertFalse(Files.exists(work.resolve("host/https.properties")));
    }

    @Test
    void theKeyTypeSettingIsReadAsAdministratorsWriteItAndAnotherValueIsRefusedInWords() throws Exception {
        HttpsTarget target = new HttpsTarget();
        Path file = work.resolve("host/https.properties");

        assertEquals(org.certbench.crypto.KeyType.EC_P256, SignedRenewal.keyType(target,
                new org.certbench.host.TargetSettings("https", file, Map.of())));
        assertEquals(org.certbench.crypto.KeyType.RSA_3072, SignedRenewal.keyType(target,
                new org.certbench.host.TargetSettings("https", file, Map.of("key.type", "rsa-3072"))));
        HostCertificateException refused = assertThrows(HostCertificateException.class, () -> SignedRenewal.keyType(
                target, new org.certbench.host.TargetSettings("https", file, Map.of("key.type", "DSA 1024"))));
        assertEquals(Reason.INVALID_SETTING, refused.reason());
        assertEquals("Setting key.type in " + file
                + ": 'DSA 1024' is not a key type: write one of P-256, P-384, RSA 2048, RSA 3072, RSA 4096.",
                refused.getMessage());
    }

    @Test
    void anUnknownTargetNamesTheKnownOnes() {
        HostCertificateException unknown = assertThrows(HostCertificateException.class, () -> service.show("ftp"));

        assertEquals(Reason.UNKNOWN_TARGET, unknown.reason());
        assertEquals("No host certificate target has the id 'ftp'. Targets: https, postgresql.", unknown.getMessage());
    }

    @Test
    void generateOnATargetThatIsNotSetUpSaysWhatToSet() {
        HostCertificateException missing = assertThrows(HostCertificateException.class, () -> service.generate("https"));

        assertEquals(Reason.NOT_CONFIGURED, missing.reason());
        assertEquals("HTTPS is not set up for certificates yet: set certificate.file, key.file, reload.command "
                + "(host:configure https KEY=VALUE, or the preferences).", missing.getMessage());
    }

    @Test
    void aBadAddressIsReportedWithTheFileThatHoldsIt() throws Exception {
        service.configure("https", Map.of("check.address", "nowhere"));

        assertEquals("Bad setting check.address=nowhere in " + work.resolve("host/https.properties")
                + ": host:port is expected, e.g. 127.0.0.1:443.", service.show("https").problem());
    }

    @Test
    void aRelativeFileIsRefusedWhenApplying() throws Exception {
        service.configure("https", Map.of("certificate.file", "server.crt", "key.file", "/tmp/x.key",
                "reload.command", "true", "check.address", "127.0.0.1:" + TestServers.freePort()));

        HostCertificateException bad = assertThrows(HostCertificateException.class, () -> service.generate("https"));

        assertEquals(Reason.INVALID_SETTING, bad.reason());
        assertEquals("Bad setting certificate.file=server.crt in " + work.resolve("host/https.properties")
                + ": an absolute path is expected.", bad.getMessage());
    }

    @Test
    void aPostgresqlReloadModeMustBeSqlOrPgCtl() throws Exception {
        service.configure("postgresql", Map.of("data.directory", work.toString(), "reload", "restart"));

        HostCertificateException bad = assertThrows(HostCertificateException.class,
                () -> PostgresOptions.parse(service.show("postgresql").settings()));

        assertEquals("Bad setting reload=restart in " + work.resolve("host/postgresql.properties")
                + ": sql or pg_ctl is expected.", bad.getMessage());
    }

    @Test
    void postgresqlFilesAreRelativeToTheDataDirectoryAndTheCheckFollowsTheConnection() throws Exception {
        service.configure("postgresql", Map.of("data.directory", "/srv/pg", "ssl.key.file", "tls/db.key",
                "connection.port", "5433"));

        PostgresOptions options = PostgresOptions.parse(service.show("postgresql").settings());

        assertEquals(Path.of("/srv/pg/server.crt"), options.certificateFile());
        assertEquals(Path.of("/srv/pg/tls/db.key"), options.keyFile());
        assertEquals(new ServiceAddress("127.0.0.1", 5433), options.checkAddress());
    }

    @Test
    void anOversizedSettingsFileIsRefusedInWords() throws Exception {
        Path file = Files.createDirectories(work.resolve("host")).resolve("https.properties");
        Files.writeString(file, "cert.file=/etc/ssl/a.pem\n" + "#".repeat(10 * 1024 * 1024) + "\n");

        HostCertificateException refused = assertThrows(HostCertificateException.class,
                () -> new SettingsFiles(work.resolve("host")).read("https"));
        assertEquals(Reason.SETTINGS_UNAVAILABLE, refused.reason());
        assertEquals("Cannot read " + file + ": " + file + " is larger than 65536 bytes; it was not read",
                refused.getMessage());
    }
}
