package org.certbench.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certbench.core.StateDirectory;
import org.certbench.core.commands.BatchFailedException;
import org.certbench.core.commands.CommandException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.KeyPurpose;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.PrivateKeys;
import org.certbench.crypto.SelfSignedCertificates;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.HostCertificates;
import org.certbench.host.RenewalMonitor;
import org.certbench.host.RenewalOptions;
import org.certbench.host.ServerCredentials;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.Issuers;
import org.certbench.renewal.DueRule;
import org.certbench.renewal.HostRenewer;
import org.certbench.renewal.RenewalException;
import org.certbench.renewal.RenewalPolicies;
import org.certbench.renewal.RenewalPolicy;
import org.certbench.renewal.internal.HostRenewals;
import org.certbench.renewal.internal.RunLine;
import org.certbench.renewal.internal.commands.HostRenewCommand;
import org.certbench.renewal.internal.commands.HostRenewOutcome;
import org.certbench.renewal.internal.commands.RenewalCommands;
import org.certbench.testing.osgi.ServiceLayering;
import org.certbench.testing.servers.Clients;
import org.certbench.testing.servers.PostgresServer;
import org.certbench.testing.servers.TestServers;
import org.certbench.testing.servers.ToolOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Host certificates renewed by real issuers (the local CA, a command issuer running openssl) against the real nginx
 * and PostgreSQL, through the services and commands of the running product: curl and psql verify what is served
 * with the issuer's CA. One nginx and one PostgreSQL for the class; each test sets up the certificate it needs.
 */
class HostRenewalTest {

    private static final Bundle BUNDLE = FrameworkUtil.getBundle(HostRenewalTest.class);
    private static final HostIdentity HOST = HostIdentity.detect();

    private static Path work;
    private static HostCertificatesForTests.RunningNginx nginx;
    private static PostgresServer postgres;
    private static HostCertificates hosts;
    private static Issuers issuers;
    private static HostRenewCommand command;

    @BeforeAll
    static void startNginxAndPostgres() throws Exception {
        work = Files.createTempDirectory("certbench-host-renewal");
        hosts = ServiceLayering.service(BUNDLE, HostCertificates.class);
        issuers = ServiceLayering.service(BUNDLE, Issuers.class);
        command = new HostRenewCommand(ServiceLayering.service(BUNDLE, HostRenewals.class));
        nginx = HostCertificatesForTests.nginxServingAnotherHost(work);
        ServerCredentials old = Pairs.selfSigned("old.example");
        postgres = PostgresServer.start(old.certificatePem(), old.keyPem());
        hosts.configure("https", Map.of(HttpsOptions.CERTIFICATE_FILE, nginx.certificateFile().toString(),
                HttpsOptions.KEY_FILE, nginx.keyFile().toString(), HttpsOptions.RELOAD_COMMAND, nginx.reloadCommand(),
                HttpsOptions.CHECK_ADDRESS, "127.0.0.1:" + nginx.port()));
        hosts.configure("postgresql", Map.of(PostgresOptions.DATA_DIRECTORY, postgres.dataDirectory().toString(),
                PostgresOptions.PORT, Integer.toString(postgres.port())));
    }

    @AfterAll
    static void stopThem() throws Exception {
        ServiceLayering.service(BUNDLE, RenewalPolicies.class).setPolicy(RenewalPolicy.unconfigured(IssueKind.HOST));
        hosts.configure("postgresql", Map.of(PostgresOptions.DATA_DIRECTORY, "", PostgresOptions.PORT, ""));
        if (nginx != null) {
            nginx.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        TestServers.deleteRecursively(work);
    }

    @Test
    void theLocalIssuerRenewsNginxAndPostgresAndCurlAndPsqlVerifyThemWithItsCa() throws Exception {
        List<HostRenewOutcome> lines = command.renew("local", true, false, false, "https", "postgresql");

        assertEquals(List.of("https renewed", "postgresql renewed"),
                lines.stream().map(line -> line.target() + " " + line.result()).toList(), lines.toString());
        Path localCa = work.resolve("local-ca.pem");
        issuers.exportCaCertificates("local", localCa);
        Certificate ca = Certificates.readAll(localCa).get(0);
        Certificate served = hosts.show("https").certificate();
        assertTrue(served.isSignedBy(ca), "chains to the local CA: " + served.issuer());
        assertTrue(lines.get(0).detail().startsWith("renewed: " + served.sha256Fingerprint() + ", valid until "),
                lines.get(0).detail());
        ToolOutcome curl = Clients.curl(HOST.fqdn(), nginx.port(), localCa);
        assertEquals(0, curl.exitStatus(), curl.output());
        ToolOutcome psql = Clients.psql(HOST.fqdn(), postgres.port(), localCa);
        assertEquals("verified", psql.output().strip(), psql.output());
        assertTrue(hosts.show("postgresql").certificate().isSignedBy(ca));
    }

    @Test
    void aCommandIssuerRunningOpensslRenewsNginxAndCurlVerifiesWithThatCa() throws Exception {
        TestCa ca = TestCa.create(work.resolve("openssl-ca"));
        Path caKey = ca.certificate().resolveSibling("ca.key");
        issuers.addCommand("openssl-test", Certificates.readAll(ca.certificate()).get(0),
                List.of("openssl", "x509", "-req", "-in", "{csr}", "-CA", ca.certificate().toString(), "-CAkey",
                        caKey.toString(), "-days", "30", "-copy_extensions", "copyall", "-out", "{cert}"));
        hosts.configure("https", Map.of(HostCertificates.KEY_TYPE_SETTING, "RSA 2048"));
        try {
            var result = ServiceLayering.service(BUNDLE, HostRenewer.class).renew("https", "openssl-test",
                    RenewalMonitor.NONE);

            assertEquals(result.applied(), hosts.show("https").certificate());
            assertEquals("RSA", result.applied().publicKey().getAlgorithm(), "the target's key.type");
            assertEquals("CertBench Test CA", result.applied().issuerCommonName());
            ToolOutcome curl = Clients.curl(HOST.fqdn(), nginx.port(), ca.certificate());
            assertEquals(0, curl.exitStatus(), curl.output());
        } finally {
            hosts.configure("https", Map.of(HostCertificates.KEY_TYPE_SETTING, ""));
            issuers.remove("openssl-test");
        }
    }

    @Test
    void anIssuerProgramThatFailsLeavesPostgresServingItsCertificateAndSaysWhy() throws Exception {
        TestCa ca = TestCa.create(work.resolve("failing-ca"));
        issuers.addCommand("failing", Certificates.readAll(ca.certificate()).get(0),
                List.of("false", "{csr}", "{cert}"));
        Certificate before = hosts.show("postgresql").certificate();
        // an earlier failure of another kind, reported by a message: that message does not say this failure
        Path attempts = StateDirectory.area("renewal").resolve("attempts.properties");
        Files.writeString(attempts, "host|failures|postgresql=1\nhost|kind|postgresql=not-applied\n"
                + "host|reason|postgresql=reload failed\nhost|notBefore|postgresql=2000-01-01T00\\:00\\:00Z\n"
                + "host|message|postgresql=earlier-message\n");
        try {
            BatchFailedException failure = assertThrows(BatchFailedException.class,
                    () -> command.renew("failing", true, false, false, "postgresql"));
            java.util.Properties recorded = new java.util.Properties();
            try (var in = Files.newBufferedReader(attempts)) {
                recorded.load(in);
            }
            assertEquals("issuer-failed", recorded.getProperty("host|kind|postgresql"), recorded.toString());
            assertEquals("2", recorded.getProperty("host|failures|postgresql"), recorded.toString());
            assertTrue(recorded.getProperty("host|message|postgresql", "").isEmpty(), recorded.toString());

            HostRenewOutcome line = (HostRenewOutcome) failure.result().get(0);
            assertEquals("failed", line.result());
            assertTrue(line.detail().startsWith("The CA did not sign the request for PostgreSQL: issuer 'failing' "
                    + "failed: "), line.detail());
            assertTrue(line.detail().endsWith("Nothing was installed; the current certificate is still served."),
                    line.detail());
            assertTrue(failure.getMessage().startsWith("host:renew failed for 1 of 1 target:"),
                    failure.getMessage());
            assertEquals(before, hosts.show("postgresql").certificate());
        } finally {
            Files.deleteIfExists(attempts);
            issuers.remove("failing");
        }
    }

    @Test
    void hostRenewAndTheHostViewsRenewalAreRefusedInWordsWhileAnotherProcessRenews() throws Exception {
        Path lockFile = StateDirectory.area("renewal").resolve("run.lock");
        Certificate before = hosts.show("https").certificate();
        Process other = holdRunLock(lockFile);
        try {
            CommandException refused = assertThrows(CommandException.class,
                    () -> command.renew("local", true, false, false, "https"));
            RenewalException viewRefused = assertThrows(RenewalException.class,
                    () -> ServiceLayering.service(BUNDLE, HostRenewer.class).renew("https", "local",
                            RenewalMonitor.NONE));

            String busy = "Another renewal (renewal:run, agent:renew or host:renew) is under way on this home; this "
                    + "one did nothing. Try again when it has finished.";
            assertEquals(busy, refused.getMessage());
            assertEquals(busy, viewRefused.getMessage());
            assertEquals(before, hosts.show("https").certificate());
            // a dry run changes nothing: it may look meanwhile
            assertEquals(1, command.renew("local", true, true, false, "https").size());
        } finally {
            other.getOutputStream().close();
            other.waitFor();
        }
    }

    /** Another process holding {@code lockFile} with an fcntl lock (what FileChannel.tryLock takes on Linux). */
    private static Process holdRunLock(Path lockFile) throws Exception {
        Files.createDirectories(lockFile.getParent());
        Process process = new ProcessBuilder("/usr/bin/python3", "-c",
                "import fcntl, sys\n"
                        + "f = open(sys.argv[1], 'a')\n"
                        + "fcntl.lockf(f, fcntl.LOCK_EX)\n"
                        + "print('locked', flush=True)\n"
                        + "sys.stdin.read()\n",
                lockFile.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8)).readLine();
        assertEquals("locked", line);
        return process;
    }

    @Test
    void namesGivenForTheTargetReplaceTheHostIdentitysAndTheLocalCaCertifiesThem() throws Exception {
        // a dotless hostname is what a public CA refuses: the administrator names the FQDN and an alias instead
        hosts.configure("https", Map.of(HostCertificates.NAMES_SETTING, HOST.fqdn() + ", www.certbench.test"));
        try {
            List<HostRenewOutcome> lines = command.renew("local", true, false, false, "https");

            assertEquals("https renewed", lines.get(0).target() + " " + lines.get(0).result(), lines.toString());
            Certificate served = hosts.show("https").certificate();
            assertEquals(List.of(HOST.fqdn(), "www.certbench.test"),
                    served.hostNames().stream().map(name -> name.value()).toList());
            assertEquals(HOST.fqdn(), served.commonName());
            Path localCa = work.resolve("local-ca-given.pem");
            issuers.exportCaCertificates("local", localCa);
            ToolOutcome curl = Clients.curl(HOST.fqdn(), nginx.port(), localCa);
            assertEquals(0, curl.exitStatus(), curl.output());
        } finally {
            hosts.configure("https", Map.of(HostCertificates.NAMES_SETTING, ""));
        }
    }

    @Test
    void namesGivenThatAreNotNamesAreRefusedInWordsBeforeAnyCaIsAsked() throws Exception {
        Certificate before = hosts.show("https").certificate();
        hosts.configure("https", Map.of(HostCertificates.NAMES_SETTING, "www.certbench.test, not a name"));
        try {
            HostCertificateException refused = assertThrows(HostCertificateException.class,
                    () -> hosts.renew("https", RenewalOptions.DEFAULT, (csr, names, monitor) -> fail("no CA is asked"),
                            RenewalMonitor.NONE));

            assertEquals(Reason.INVALID_SETTING, refused.reason());
            assertTrue(refused.getMessage().startsWith("The setting names in "), refused.getMessage());
            assertTrue(refused.getMessage().contains(" is not a list of names: ")
                    && refused.getMessage().contains("not a name")
                    && refused.getMessage().endsWith("Give DNS names or IP addresses separated by commas, or an "
                            + "empty value for this host's own names."), refused.getMessage());
            assertEquals(before, hosts.show("https").certificate());
        } finally {
            hosts.configure("https", Map.of(HostCertificates.NAMES_SETTING, ""));
        }
    }

    @Test
    void namesOutsideTheHostIdentityAreRefusedBeforeAnyCaIsAsked() throws Exception {
        Certificate before = hosts.show("https").certificate();

        HostCertificateException refused = assertThrows(HostCertificateException.class,
                () -> hosts.renew("https", new RenewalOptions(List.of(HOST.fqdn(), "www.example.org"),
                        Optional.empty()), (csr, names, monitor) -> fail("no CA is asked"), RenewalMonitor.NONE));

        assertEquals(Reason.REFUSED, refused.reason());
        List<String> own = new java.util.ArrayList<>(HOST.subjectAlternativeNames().stream().map(name -> name.value())
                .filter(name -> !name.equals(HOST.fqdn())).toList());
        own.add(0, HOST.fqdn());
        assertEquals("Not this host's names: www.example.org. A host certificate is requested only for this host's "
                + "names (" + String.join(", ", own) + "); nothing was asked of the CA.", refused.getMessage());
        assertEquals(before, hosts.show("https").certificate());
    }

    @Test
    void aCertificateForAnotherKeyFromTheCaIsRefusedAndNothingIsInstalled() throws Exception {
        Certificate before = hosts.show("https").certificate();
        ServerCredentials other = Pairs.selfSigned(HOST.fqdn());

        HostCertificateException refused = assertThrows(HostCertificateException.class,
                () -> hosts.renew("https", RenewalOptions.DEFAULT,
                        (csr, names, monitor) -> List.of(other.certificate(), other.certificate()),
                        RenewalMonitor.NONE));

        assertEquals(Reason.REFUSED, refused.reason());
        assertTrue(refused.getMessage().startsWith("The certificate the CA returned for HTTPS is refused: "),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("HTTPS"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith(" Nothing was installed; the current certificate is still served."),
                refused.getMessage());
        assertEquals(before, hosts.show("https").certificate());
    }

    @Test
    void renewalRunRenewsTheDueTargetAndLeavesTheFreshOne() throws Exception {
        // a renewal that succeeds ends any backoff earlier failures left in this home
        assertEquals("renewed", command.renew("local", true, false, false, "https").get(0).result());
        // nginx serves a 90-day certificate with 10 days left (due); PostgreSQL one that is not due
        KeyPair key = PrivateKeys.generate(KeyType.DEFAULT);
        Certificate due = SelfSignedCertificates.create(HOST, key, Instant.now().minus(Duration.ofDays(80)),
                Duration.ofDays(90), EnumSet.of(KeyPurpose.SERVER_AUTH));
        Path dueFile = work.resolve("due/server.crt");
        Pairs.write(new ServerCredentials(due, List.of(), key), dueFile, work.resolve("due/server.key"));
        hosts.upload("https", dueFile, work.resolve("due/server.key"));
        hosts.generate("postgresql");
        RenewalPolicies policies = ServiceLayering.service(BUNDLE, RenewalPolicies.class);
        policies.setPolicy(new RenewalPolicy(IssueKind.HOST, Optional.of("local"), DueRule.DEFAULT, false));

        List<HostRenewOutcome> dryRun = command.renew("", false, true, true);
        assertEquals(List.of("https due", "postgresql left"), dryRun.stream()
                .map(line -> line.target() + " " + line.result()).toList(), dryRun.toString());
        assertEquals(due, hosts.show("https").certificate(), "a dry run changes nothing");

        List<RunLine> lines = ServiceLayering.service(BUNDLE, RenewalCommands.class).run();

        assertEquals(List.of("host https renewed", "host postgresql left"), lines.stream()
                .map(line -> line.kind() + " " + line.target() + " " + line.result()).toList(), lines.toString());
        assertTrue(lines.get(1).detail().startsWith("not due: expires "), lines.get(1).detail());
        Certificate served = hosts.show("https").certificate();
        assertEquals(served.sha256Fingerprint(), lines.get(0).detail());
        assertTrue(!served.equals(due) && served.isSignedBy(Certificates.readAll(localCa()).get(0)),
                "the local CA's certificate is served: " + served.issuer());
    }

    private static Path localCa() throws Exception {
        Path file = work.resolve("local-ca-run.pem");
        issuers.exportCaCertificates("local", file);
        return file;
    }
}
