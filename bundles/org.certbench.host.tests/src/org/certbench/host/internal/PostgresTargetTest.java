package org.certbench.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.certbench.crypto.HostIdentity;
import org.certbench.host.ApplyResult;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.PairFiles;
import org.certbench.host.ServerCredentials;
import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.servers.Clients;
import org.certbench.testing.servers.PostgresServer;
import org.certbench.testing.servers.ToolOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PostgreSQL target against a real PostgreSQL 15; psql with sslmode=verify-full confirms. */
class PostgresTargetTest {

    @TempDir
    Path work;

    private final HostIdentity host = HostIdentity.detect();
    private PostgresServer postgres;
    private HostCertificateService service;
    private ServerCredentials old;

    @BeforeEach
    void startPostgresServingAnOldCertificate() throws Exception {
        old = Pairs.selfSigned("old.example");
        postgres = PostgresServer.start(old.certificatePem(), old.keyPem());
        service = new HostCertificateService(work.resolve("home/host"), new RecordedMessages(), () -> host,
                Clock.systemUTC(), Duration.ofSeconds(3), false);
        service.addTarget(new PostgresTarget());
        configure(Map.of());
    }

    private void configure(Map<String, String> more) throws HostCertificateException {
        Map<String, String> settings = new HashMap<>(Map.of(PostgresOptions.DATA_DIRECTORY,
                postgres.dataDirectory().toString(), PostgresOptions.PORT, Integer.toString(postgres.port())));
        settings.putAll(more);
        service.configure("postgresql", settings);
    }

    @AfterEach
    void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theServedCertificateIsReadAfterPostgresqlsSslRequest() throws Exception {
        assertEquals(List.of(old.certificate()), service.show("postgresql").served());
    }

    @Test
    void generateReloadsBySqlAndPsqlVerifiesTheHostsNameAgainstTheGeneratedCertificate() throws Exception {
        ApplyResult result = service.generate("postgresql");

        Path root = Pairs.writeCertificate(result.applied(), work.resolve("generated.crt"));
        ToolOutcome psql = Clients.psql(host.fqdn(), postgres.port(), root);
        assertEquals(0, psql.exitStatus(), psql.output());
        assertEquals("verified", psql.output());
        Path key = postgres.dataDirectory().resolve("server.key");
        assertEquals("postgres", Files.getOwner(key).getName(), "PostgreSQL refuses a key it does not own");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(old.keyPem(), Files.readString(PairFiles.previous(key)), "the previous key is kept");
        assertEquals("postgres", Files.getOwner(PairFiles.previous(key)).getName());
    }

    @Test
    void generateCanReloadWithPgCtl() throws Exception {
        configure(Map.of(PostgresOptions.RELOAD, "pg_ctl", PostgresOptions.PG_CTL, PostgresServer.BIN + "pg_ctl"));

        ApplyResult result = service.generate("postgresql");

        ToolOutcome psql = Clients.psql(host.fqdn(), postgres.port(),
                Pairs.writeCertificate(result.applied(), work.resolve("generated.crt")));
        assertEquals(0, psql.exitStatus(), psql.output());
    }

    @Test
    void uploadOfACaIssuedPairIsServedAndPsqlVerifiesItWithTheCa() throws Exception {
        TestCa ca = TestCa.create(work.resolve("ca"));
        TestCa.Issued issued = ca.issue(host.fqdn());

        ApplyResult result = service.upload("postgresql", issued.certificate(), issued.key());

        assertEquals(List.of(), result.warnings());
        ToolOutcome psql = Clients.psql(host.fqdn(), postgres.port(), ca.certificate());
        assertEquals(0, psql.exitStatus(), psql.output());
    }

    @Test
    void aKeyPostgresqlWillNotLoadKeepsTheOldCertificateServedAndThePreviousPairIsRestored() throws Exception {
        // PostgreSQL answers the reload with success, logs "SSL configuration was not reloaded", keeps the old pair
        ServerCredentials generated = Pairs.selfSigned(host.fqdn());
        ServerCredentials mismatched = new ServerCredentials(generated.certificate(), List.of(),
                Pairs.selfSigned("other.example").keyPair());

        HostCertificateException failure = assertThrows(HostCertificateException.class,
                () -> service.apply(service.target("postgresql"), mismatched, List.of()));

        assertEquals(Reason.NOT_SERVED, failure.reason());
        assertTrue(failure.getMessage().startsWith("PostgreSQL reloaded but did not serve the new certificate within "
                + "3 seconds: it serves 'old.example'"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("The previous certificate and key were put back. PostgreSQL serves "
                + "the previous certificate 'old.example' (SHA-256 " + old.certificate().sha256Fingerprint()
                + ") again."), failure.getMessage());
        assertTrue(postgres.log().contains("SSL configuration was not reloaded"), postgres.log());
        assertEquals(old.keyPem(), Files.readString(postgres.dataDirectory().resolve("server.key")));
        assertEquals("postgres", Files.getOwner(postgres.dataDirectory().resolve("server.key")).getName());
        ToolOutcome psql = Clients.psql("old.example", postgres.port(),
                Pairs.writeCertificate(old.certificate(), work.resolve("old.crt")));
        assertEquals(0, psql.exitStatus(), "clients that trust the old certificate still connect: " + psql.output());
    }
}
