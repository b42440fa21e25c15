package org.certbench.example.haproxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.PrivateKeys;
import org.certbench.crypto.SelfSignedCertificates;
import org.certbench.example.haproxy.HaproxyFrontend;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.HostCertificates;
import org.certbench.host.PairFiles;
import org.certbench.host.ServerCredentials;
import org.certbench.host.TargetSettings;
import org.certbench.core.commands.CommandException;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HAProxy target against a real HAProxy 2.6 in master-worker mode. */
class HaproxyTargetTest {

    @TempDir
    Path work;

    private final HaproxyTarget target = new HaproxyTarget();
    private HaproxyServer haproxy;
    private ServerCredentials old;
    private Path pemFile;

    @BeforeEach
    void startHaproxyServingAnOldCertificate() throws Exception {
        old = selfSigned("old.example");
        pemFile = work.resolve("tls/site.pem");
        Files.createDirectories(pemFile.getParent());
        Files.writeString(pemFile, old.certificatePem() + old.keyPem());
        haproxy = HaproxyServer.start(work.resolve("haproxy"), pemFile);
    }

    @AfterEach
    void stopHaproxy() {
        if (haproxy != null) {
            haproxy.close();
        }
    }

    @Test
    void installAndReloadThroughTheAdminSocketServeTheNewCertificateWithoutARestart() throws Exception {
        TargetSettings settings = settings(Map.of(HaproxyOptions.ADMIN_SOCKET, haproxy.adminSocket().toString()));
        assertEquals(List.of(old.certificate()), target.current(settings));
        long master = haproxy.masterPid();
        List<Long> workers = haproxy.workers();
        ServerCredentials fresh = selfSigned("new.example");

        target.install(fresh, settings);
        target.reload(settings);

        assertEquals(List.of(fresh.certificate()), target.current(settings), "the next handshake sees it");
        assertEquals(haproxy.startedPid(), master);
        assertEquals(master, haproxy.masterPid(), "the same master");
        assertEquals(workers, haproxy.workers(), "not even the workers were replaced");
        assertTrue(haproxy.running());
        assertEquals(fresh.certificatePem() + fresh.keyPem(), Files.readString(pemFile));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pemFile)));
        assertEquals(old.certificatePem() + old.keyPem(), Files.readString(PairFiles.previous(pemFile)),
                "the previous file is kept");
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefusedBeforeTheFileIsTouched() throws Exception {
        TargetSettings settings = settings(Map.of(HaproxyOptions.ADMIN_SOCKET, haproxy.adminSocket().toString()));
        ServerCredentials fresh = selfSigned("new.example");
        ServerCredentials mismatched = new ServerCredentials(fresh.certificate(), List.of(), PkiFixtures.freshEc());

        HostCertificateException refused = assertThrows(HostCertificateException.class,
                () -> target.install(mismatched, settings));

        assertEquals(Reason.REFUSED, refused.reason());
        assertTrue(refused.getMessage().startsWith("Refused to write " + pemFile + ": "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("HAProxy would not load it. Nothing was changed."),
                refused.getMessage());
        assertEquals(old.certificatePem() + old.keyPem(), Files.readString(pemFile));
        assertTrue(Files.notExists(PairFiles.previous(pemFile)));
        assertEquals(List.of(old.certificate()), target.current(settings));
    }

    @Test
    void aRefusedCommitKeepsTheOldCertificateServedAndThePreviousFileGoesBack() throws Exception {
        TargetSettings settings = settings(Map.of(HaproxyOptions.ADMIN_SOCKET, haproxy.adminSocket().toString()));
        long master = haproxy.masterPid();
        ServerCredentials fresh = selfSigned("new.example");
        target.install(fresh, settings);
        // the file now holds a key that is not the certificate's, as a hand edit could leave it
        Files.writeString(pemFile, fresh.certificatePem() + PrivateKeys.toPem(PkiFixtures.freshEc().getPrivate()));

        HostCertificateException failure = assertThrows(HostCertificateException.class, () -> target.reload(settings));

        assertEquals(Reason.RELOAD_FAILED, failure.reason());
        assertEquals("HAProxy refused to use the new content of " + pemFile + " (commit ssl cert): "
                + "inconsistencies between private key and certificate loaded '" + pemFile + "'. Can't commit "
                + pemFile + "! It keeps serving the certificate it had.", failure.getMessage());
        assertEquals(List.of(old.certificate()), target.current(settings), "the old certificate is still served");

        target.restorePrevious(settings);
        target.reload(settings);

        assertEquals(old.certificatePem() + old.keyPem(), Files.readString(pemFile));
        assertTrue(Files.notExists(PairFiles.previous(pemFile)));
        assertEquals(List.of(old.certificate()), target.current(settings));
        assertEquals(master, haproxy.masterPid());
        assertTrue(haproxy.running());
    }

    @Test
    void withoutAnAdminSocketTheMasterIsSentSigusr2AndServesTheNewCertificate() throws Exception {
        TargetSettings settings = settings(Map.of(HaproxyOptions.MASTER_PID, haproxy.pidFile().toString()));
        long master = haproxy.masterPid();
        List<Long> workers = haproxy.workers();
        ServerCredentials fresh = selfSigned("new.example");

        target.install(fresh, settings);
        target.reload(settings);

        assertEquals(fresh.certificate(), awaitServed(settings, fresh.certificate()));
        assertEquals(master, haproxy.masterPid(), "the master stays");
        assertTrue(haproxy.running());
        assertTrue(haproxy.workers().stream().noneMatch(workers::contains), "new workers: " + haproxy.workers());
    }

    @Test
    void anAdminSocketThatDoesNotAnswerFallsBackToSigusr2() throws Exception {
        TargetSettings settings = settings(Map.of(HaproxyOptions.ADMIN_SOCKET, work.resolve("nothing.sock").toString(),
                HaproxyOptions.MASTER_PID, Long.toString(haproxy.masterPid())));
        ServerCredentials fresh = selfSigned("new.example");

        target.install(fresh, settings);
        target.reload(settings);

        assertEquals(fresh.certificate(), awaitServed(settings, fresh.certificate()));
    }

    @Test
    void withNoWayToReachHaproxyTheSettingsAreIncomplete() {
        HostCertificateException failure = assertThrows(HostCertificateException.class,
                () -> target.reload(settings(Map.of())));

        assertEquals(Reason.NOT_CONFIGURED, failure.reason());
        assertEquals("HAProxy cannot be told to load a new certificate: set admin.socket, master.socket or master.pid "
                + "(host:configure haproxy admin.socket=...).", failure.getMessage());
    }

    @Test
    void statusListsTheFrontendAndTheCertificateItServes() throws Exception {
        HaproxyCommands commands = new HaproxyCommands(new HaproxyMonitorComponent(
                hostWith(settings(Map.of(HaproxyOptions.ADMIN_SOCKET, haproxy.adminSocket().toString())))));

        List<HaproxyFrontend> frontends = commands.status();

        assertEquals(List.of(new HaproxyFrontend(HaproxyServer.FRONTEND, "OPEN", "127.0.0.1:" + haproxy.port(),
                pemFile.toString(), old.certificate().subject(), old.certificate().sha256Fingerprint(),
                old.certificate().notAfter().toString(), null)), frontends);
    }

    @Test
    void statusFollowsAReplacedCertificate() throws Exception {
        TargetSettings settings = settings(Map.of(HaproxyOptions.ADMIN_SOCKET, haproxy.adminSocket().toString()));
        ServerCredentials fresh = selfSigned("new.example");
        target.install(fresh, settings);
        target.reload(settings);

        HaproxyFrontend line = new HaproxyCommands(new HaproxyMonitorComponent(hostWith(settings))).status().get(0);

        assertEquals(fresh.certificate().sha256Fingerprint(), line.sha256());
        assertEquals(pemFile.toString(), line.certificateFile());
        assertTrue(line.subject().contains("new.example"), line.subject());
        assertNull(line.problem());
    }

    @Test
    void statusWithoutAnAdminSocketIsACommandFailureInWords() {
        HaproxyCommands commands = new HaproxyCommands(new HaproxyMonitorComponent(hostWith(settings(Map.of()))));

        CommandException failure = assertThrows(CommandException.class, commands::status);

        assertEquals("HAProxy is not set up: set admin.socket (host:configure haproxy admin.socket=...).",
                failure.getMessage());
    }

    private Certificate awaitServed(TargetSettings settings, Certificate expected) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        Certificate served = null;
        while (System.nanoTime() < deadline) {
            try {
                served = target.current(settings).get(0);
                if (served.equals(expected)) {
                    return served;
                }
            } catch (HostCertificateException notYet) {
                // the new workers may not accept yet
            }
            Thread.sleep(200);
        }
        return served;
    }

    private TargetSettings settings(Map<String, String> more) {
        Map<String, String> values = new HashMap<>(more);
        values.put(HaproxyOptions.PEM_FILE, pemFile.toString());
        values.put(HaproxyOptions.CHECK_ADDRESS, "127.0.0.1:" + haproxy.port());
        return new TargetSettings(HaproxyTarget.ID, work.resolve("home/host/haproxy.properties"), values);
    }

    /** The host certificates service as far as {@code haproxy:status} uses it: the target's settings. */
    private static HostCertificates hostWith(TargetSettings settings) {
        return (HostCertificates) Proxy.newProxyInstance(HaproxyTargetTest.class.getClassLoader(),
                new Class<?>[] { HostCertificates.class }, (proxy, method, arguments) -> {
                    if (method.getName().equals("settings") && HaproxyTarget.ID.equals(arguments[0])) {
                        return settings;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ServerCredentials selfSigned(String fqdn) throws Exception {
        KeyPair key = PrivateKeys.generate(KeyType.DEFAULT);
        String hostname = fqdn.substring(0, fqdn.indexOf('.'));
        Certificate certificate = SelfSignedCertificates.create(new HostIdentity(hostname, fqdn, List.of()), key,
                Clock.systemUTC());
        return new ServerCredentials(certificate, List.of(), key);
    }
}
