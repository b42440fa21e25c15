package org.certbench.issuers.acme.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.certbench.core.StateDirectory;
import org.certbench.core.commands.BatchFailedException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.HostIdentity;
import org.certbench.host.HostCertificates;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.Issuers;
import org.certbench.issuers.acme.AcmeIssuerSettings;
import org.certbench.issuers.acme.AcmeIssuerSettings.Webroot;
import org.certbench.issuers.acme.AcmeIssuers;
import org.certbench.renewal.internal.HostRenewals;
import org.certbench.renewal.internal.commands.HostRenewCommand;
import org.certbench.renewal.internal.commands.HostRenewOutcome;
import org.certbench.testing.osgi.ServiceLayering;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.testing.servers.Clients;
import org.certbench.testing.servers.NginxServer;
import org.certbench.testing.servers.Pebble;
import org.certbench.testing.servers.PostgresServer;
import org.certbench.testing.servers.ToolOutcome;
import org.certbench.truststore.OutboundTls;
import org.certbench.truststore.TrustStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * {@code host:renew --issuer ACME-ISSUER https} end to end: pebble validates http-01 for real by fetching the token
 * from the web root that the target's own nginx serves, the certificate is installed, nginx reloaded, and curl
 * verifies the served chain with pebble's root from its management API. Then a second run (a new certificate), a
 * web root nginx does not serve (the old certificate stays, the error names the URL the CA fetched) and
 * {@code issuer:remove} of an ACME issuer. The PostgreSQL target the same way, psql verifying with pebble's root
 * ({@code sslmode=verify-full}). One pebble and one nginx for the class.
 */
class AcmeHostRenewalTest {

    private static final HostIdentity HOST = HostIdentity.detect();

    @TempDir
    static Path work;

    private static Pebble pebble;
    private static NginxServer nginx;
    private static int tlsPort;
    private static Path webroot;
    private static HostCertificates hosts;
    private static HostRenewCommand command;
    private static AcmeIssuers acme;
    private static Issuers issuers;
    private static OutboundTls outbound;

    @BeforeAll
    static void start() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(AcmeIssuerService.class);
        acme = ServiceLayering.service(bundle, AcmeIssuers.class);
        issuers = ServiceLayering.service(bundle, Issuers.class);
        outbound = ServiceLayering.service(bundle, OutboundTls.class);
        hosts = ServiceLayering.service(bundle, HostCertificates.class);
        command = new HostRenewCommand(ServiceLayering.service(bundle, HostRenewals.class));

        pebble = Pebble.start(work.resolve("pebble"), Map.of());
        Path caFile = work.resolve("acme-test-ca.pem");
        Files.writeString(caFile, pebble.caPem());
        ServiceLayering.service(bundle, TrustStore.class).importCertificate(caFile);
        pebble.resolve(HOST.fqdn());
        pebble.resolve(HOST.hostname());

        Path certificate = work.resolve("tls/server.crt");
        Path key = work.resolve("tls/server.key");
        Files.createDirectories(certificate.getParent());
        KeyPair oldKey = PkiFixtures.freshEc();
        Files.writeString(certificate, PkiFixtures.pem(PkiFixtures.certificate("CN=old.example").key(oldKey)
                .issuedBy("CN=old.example", oldKey).dns("old.example").build()));
        Files.writeString(key, PkiFixtures.privateKeyPem(oldKey));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        webroot = Files.createDirectories(work.resolve("www"));
        nginx = NginxServer.withWebroot(work.resolve("nginx"), certificate, key, pebble.httpPort(), webroot);
        tlsPort = nginx.port();
        hosts.configure("https", Map.of("certificate.file", certificate.toString(), "key.file", key.toString(),
                "reload.command", nginx.reloadCommand(), "check.address",
                "127.0.0.1:" + tlsPort));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hosts != null) {
            hosts.configure("https", Map.of("certificate.file", "", "key.file", "", "reload.command", "",
                    "check.address", ""));
        }
        if (nginx != null) {
            nginx.close();
        }
        if (pebble != null) {
            pebble.close();
        }
    }

    @Test
    void hostRenewThroughPebbleInstallsACertificateCurlVerifiesWithPebblesRootThenRenewsThenKeepsItOnFailure()
            throws Exception {
        add("pebble-host", webroot);

        HostRenewOutcome first = renew("pebble-host");
        assertEquals("renewed", first.result(), first.detail() + "\n" + pebble.log());
        Certificate served = hosts.show("https").certificate();
        assertTrue(served.namesHost(HOST.fqdn()), served.toString());
        // the host identity's static addresses are left out: ACME certifies DNS names only
        for (var address : HOST.staticAddresses()) {
            assertFalse(served.namesHost(address.getHostAddress()), served.toString());
        }
        Path root = pebblesRoot();
        Outcome curl = curl(root);
        assertEquals(0, curl.exitStatus(), curl.output());
        assertEquals("served by nginx", curl.output().strip());
        try (var left = Files.list(webroot.resolve(".well-known/acme-challenge"))) {
            assertEquals(0, left.count(), "the tokens are removed afterwards");
        }

        HostRenewOutcome second = renew("pebble-host");
        assertEquals("renewed", second.result(), second.detail());
        Certificate renewed = hosts.show("https").certificate();
        assertNotEquals(served.serialNumber(), renewed.serialNumber());
        assertEquals(0, curl(root).exitStatus());

        // the CA fetches the token from nginx, which does not serve this directory: validation fails
        add("pebble-wrong-root", Files.createDirectories(work.resolve("not-served")));
        HostRenewOutcome failed = renew("pebble-wrong-root");
        assertEquals("failed", failed.result(), failed.detail());
        assertTrue(failed.detail().contains("http://" + HOST.fqdn() + "/.well-known/acme-challenge/")
                || failed.detail().contains("http://" + HOST.hostname() + "/.well-known/acme-challenge/"),
                failed.detail());
        assertEquals(renewed, hosts.show("https").certificate(), "the old certificate is still served");
        assertEquals(0, curl(root).exitStatus());
    }

    @Test
    void hostRenewThroughPebbleInstallsAPostgresqlCertificateThatPsqlVerifiesWithPebblesRoot() throws Exception {
        KeyPair oldKey = PkiFixtures.freshEc();
        String oldPem = PkiFixtures.pem(PkiFixtures.certificate("CN=old.example").key(oldKey)
                .issuedBy("CN=old.example", oldKey).dns("old.example").build());
        add("pebble-postgres", webroot);
        try (PostgresServer postgres = PostgresServer.start(oldPem, PkiFixtures.privateKeyPem(oldKey))) {
            hosts.configure("postgresql", Map.of("data.directory", postgres.dataDirectory().toString(),
                    "connection.port", Integer.toString(postgres.port())));
            try {
                List<?> lines;
                try {
                    lines = command.renew("pebble-postgres", true, false, false, "postgresql");
                } catch (BatchFailedException failed) {
                    lines = failed.result();
                }
                HostRenewOutcome renewed = (HostRenewOutcome) lines.get(0);
                assertEquals("renewed", renewed.result(), renewed.detail() + "\n" + postgres.log());

                Certificate served = hosts.show("postgresql").certificate();
                assertTrue(served.namesHost(HOST.fqdn()), served.toString());
                Path root = work.resolve("pebble-root-for-psql.pem");
                Files.writeString(root, pebble.issuingRootPem(), StandardCharsets.US_ASCII);
                ToolOutcome psql = Clients.psql(HOST.fqdn(), postgres.port(), root);
                assertEquals(0, psql.exitStatus(), psql.output());
                assertEquals("verified", psql.output());
                assertEquals("postgres", Files.getOwner(postgres.dataDirectory().resolve("server.key")).getName(),
                        "PostgreSQL refuses a key it does not own");
                // a client trusting only the old self-signed certificate no longer gets in
                Path old = Files.writeString(work.resolve("old-postgres.pem"), oldPem);
                assertEquals(2, Clients.psql("old.example", postgres.port(), old).exitStatus());
            } finally {
                hosts.configure("postgresql", Map.of("data.directory", "", "connection.port", ""));
            }
        }
    }

    @Test
    void issuerRemoveRemovesAnAcmeIssuerWithItsFilesAndAccountKey() throws Exception {
        add("pebble-removed", webroot);
        Path issuersArea = StateDirectory.area("issuers");
        assertTrue(Files.exists(issuersArea.resolve("pebble-removed.acme-account.pem")));

        issuers.remove("pebble-removed");

        assertTrue(issuers.list().stream().noneMatch(issuer -> issuer.name().equals("pebble-removed")));
        try (var left = Files.list(issuersArea)) {
            List<String> names = left.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("pebble-removed.")).toList();
            assertEquals(List.of(), names);
        }
        IssuerException unknown = assertThrows(IssuerException.class, () -> issuers.remove("pebble-removed"));
        assertTrue(unknown.getMessage().contains("pebble-removed"), unknown.getMessage());
    }

    private static void add(String name, Path root) throws IssuerException {
        acme.add(new AcmeIssuerSettings(name, pebble.directory(), Optional.of("admin@example.org"), true,
                Optional.empty(), new Webroot(root)));
    }

    /** {@code host:renew --issuer NAME --force https}: its one line, also when it failed (exit status 1). */
    private static HostRenewOutcome renew(String issuer) {
        List<?> lines;
        try {
            lines = command.renew(issuer, true, false, false, "https");
        } catch (BatchFailedException failed) {
            lines = failed.result();
        }
        assertEquals(1, lines.size(), lines.toString());
        return (HostRenewOutcome) lines.get(0);
    }

    private static Path pebblesRoot() throws Exception {
        HttpResponse<String> root = outbound.httpClient().send(HttpRequest.newBuilder(pebble.management("/roots/0"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, root.statusCode(), root.body());
        Path file = work.resolve("pebble-root.pem");
        Files.writeString(file, root.body(), StandardCharsets.US_ASCII);
        return file;
    }

    private record Outcome(int exitStatus, String output) {
    }

    /** curl to the FQDN at 127.0.0.1, trusting only {@code root}. */
    private static Outcome curl(Path root) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("curl", "--silent", "--show-error", "--max-time", "10", "--cacert",
                root.toString(), "--resolve", HOST.fqdn() + ":" + tlsPort + ":127.0.0.1",
                "https://" + HOST.fqdn() + ":" + tlsPort + "/").redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Outcome(-1, "curl did not finish: " + output);
        }
        return new Outcome(process.exitValue(), output);
    }
}
