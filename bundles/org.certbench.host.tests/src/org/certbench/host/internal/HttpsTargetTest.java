package org.certbench.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.certbench.crypto.CertificateKeyPair;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.KeyType;
import org.certbench.host.ApplyResult;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.PairFiles;
import org.certbench.host.RenewalMonitor;
import org.certbench.host.ServerCredentials;
import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.servers.Clients;
import org.certbench.testing.servers.NginxServer;
import org.certbench.testing.servers.ToolOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTPS target against a real nginx; curl confirms what a browser would see. */
class HttpsTargetTest {

    @TempDir
    Path work;

    private final HostIdentity host = HostIdentity.detect();
    private final RecordedMessages messages = new RecordedMessages();
    private NginxServer nginx;
    private HostCertificateService service;
    private ServerCredentials old;
    private Path certificateFile;
    private Path keyFile;

    @BeforeEach
    void startNginxServingAnOldCertificate() throws Exception {
        old = Pairs.selfSigned("old.example");
        certificateFile = work.resolve("tls/server.crt");
        keyFile = work.resolve("tls/server.key");
        Pairs.write(old, certificateFile, keyFile);
        nginx = NginxServer.start(work.resolve("nginx"), certificateFile, keyFile);
        service = new HostCertificateService(work.resolve("home/host"), messages, () -> host, Clock.systemUTC(),
                Duration.ofSeconds(3), false);
        service.addTarget(new HttpsTarget());
        service.configure("https", Map.of(HttpsOptions.CERTIFICATE_FILE, certificateFile.toString(),
                HttpsOptions.KEY_FILE, keyFile.toString(), HttpsOptions.RELOAD_COMMAND, nginx.reloadCommand(),
                HttpsOptions.CHECK_ADDRESS, "127.0.0.1:" + nginx.port()));
    }

    @AfterEach
    void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void showReadsTheServedCertificateByHandshakeAndWarnsThatItIsNotForThisHost() throws Exception {
        var status = service.show("https");

        assertEquals(old.certificate(), status.certificate());
        assertTrue(status.configured());
        assertTrue(status.warnings().get(0).startsWith("It is issued for DNS:old, DNS:old.example, which does not cover this host"),
                status.warnings().toString());
    }

    @Test
    void generateIsServedAndCurlVerifiesItByTheHostsName() throws Exception {
        ApplyResult result = service.generate("https");

        assertEquals(result.applied(), result.served().get(0));
        assertEquals(host.fqdn(), result.applied().summary().commonName());
        Path trusted = Pairs.writeCertificate(result.applied(), work.resolve("generated.crt"));
        ToolOutcome curl = Clients.curl(host.fqdn(), nginx.port(), trusted);
        assertEquals(0, curl.exitStatus(), curl.output());
        assertEquals("served by nginx", curl.output());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertEquals(old.certificatePem(), Files.readString(PairFiles.previous(certificateFile)), "the previous pair is kept");
        assertEquals(old.keyPem(), Files.readString(PairFiles.previous(keyFile)));
    }

    @Test
    void uploadOfACaIssuedChainIsServedAndCurlVerifiesItWithTheCa() throws Exception {
        TestCa ca = TestCa.create(work.resolve("ca"));
        TestCa.Issued issued = ca.issue(host.fqdn(), host.hostname());
        Path chain = ca.chainFile(issued);

        ApplyResult result = service.upload("https", chain, issued.key());

        assertEquals(List.of(), result.warnings());
        assertEquals(2, result.served().size(), "the CA is served as the chain");
        ToolOutcome curl = Clients.curl(host.fqdn(), nginx.port(), ca.certificate());
        assertEquals(0, curl.exitStatus(), curl.output());
    }

    @Test
    void aFailedReloadPutsThePreviousPairBackAndTheOldCertificateIsStillServed() throws Exception {
        TestCa ca = TestCa.create(work.resolve("ca"));
        TestCa.Issued issued = ca.issue(host.fqdn());
        nginx.breakConfiguration();

        HostCertificateException failure = assertThrows(HostCertificateException.class,
                () -> service.upload("https", issued.certificate(), issued.key()));

        assertEquals(Reason.RELOAD_FAILED, failure.reason());
        String message = failure.getMessage();
        assertTrue(message.startsWith("The new certificate was written, but reloading HTTPS failed: '"), message);
        assertTrue(message.contains("unknown directive \"this\""), message);
        assertTrue(message.contains("The previous certificate and key were put back. Reloading with them failed too: "),
                message);
        assertTrue(message.endsWith("HTTPS serves the previous certificate 'old.example' (SHA-256 "
                + old.certificate().sha256Fingerprint() + ") again."), message);
        assertEquals(old.certificatePem(), Files.readString(certificateFile));
        assertEquals(old.keyPem(), Files.readString(keyFile));
        assertEquals(List.of(old.certificate()), new HttpsTarget().current(service.show("https").settings()));
    }

    @Test
    void anEcKeyBesideAnRsaCertificateReloadsButIsNotConfirmedAndThePreviousIsRestored() throws Exception {
        // ARCHITECTURE.md §7: nginx loads an EC key beside an RSA certificate, reload succeeds, handshakes fail
        ServerCredentials rsa = Pairs.selfSigned(host.fqdn(), KeyType.RSA_2048);
        ServerCredentials mismatched = new ServerCredentials(rsa.certificate(), List.of(),
                Pairs.selfSigned("other.example").keyPair());

        HostCertificateException failure = assertThrows(HostCertificateException.class,
                () -> service.apply(service.target("https"), mismatched, List.of()));

        assertEquals(Reason.NOT_SERVED, failure.reason());
        assertTrue(failure.getMessage().startsWith("HTTPS reloaded but did not serve the new certificate within 3 seconds: "
                + "no handshake completed (No TLS handshake with 127.0.0.1:" + nginx.port()), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("HTTPS serves the previous certificate 'old.example' (SHA-256 "
                + old.certificate().sha256Fingerprint() + ") again."), failure.getMessage());
        assertEquals(old.certificatePem(), Files.readString(certificateFile));
        CertificateKeyPair.read(certificateFile, keyFile); // the restored files match again
    }

    @Test
    void generateCancelledAfterTheFilesAreWrittenPutsThemBackWithoutAReloadAndTheOldCertificateIsStillServed()
            throws Exception {
        CancelAtStep cancel = new CancelAtStep("Writing the new certificate and key");

        HostCertificateException failure = assertThrows(HostCertificateException.class,
                () -> service.generate("https", cancel));

        assertEquals(Reason.CANCELED, failure.reason());
        assertEquals("Cancelled after the new certificate and key were written for HTTPS, before it was reloaded: "
                + "the previous files were put back and HTTPS was not reloaded. HTTPS still serves 'old.example' "
                + "(SHA-256 " + old.certificate().sha256Fingerprint() + ").", failure.getMessage());
        assertEquals(List.of("Making a key and a self-signed certificate for " + host.fqdn(),
                "Writing the new certificate and key for HTTPS"), cancel.steps, "no reload was started");
        assertEquals(old.certificatePem(), Files.readString(certificateFile));
        assertEquals(old.keyPem(), Files.readString(keyFile));
        assertEquals(List.of(old.certificate()), new HttpsTarget().current(service.show("https").settings()));
    }

    @Test
    void uploadCancelledBeforeAnythingIsWrittenChangesNothing() throws Exception {
        TestCa.Issued issued = TestCa.create(work.resolve("ca")).issue(host.fqdn());
        CancelAtStep cancel = new CancelAtStep("Checking the certificate and key files");

        HostCertificateException failure = assertThrows(HostCertificateException.class,
                () -> service.upload("https", issued.certificate(), issued.key(), cancel));

        assertEquals(Reason.CANCELED, failure.reason());
        assertEquals("Cancelled before anything was written: HTTPS was not changed and serves what it served before.",
                failure.getMessage());
        assertEquals(old.certificatePem(), Files.readString(certificateFile));
        assertTrue(Files.notExists(PairFiles.previous(certificateFile)), "nothing was installed");
    }

    @Test
    void generateCancelledOnceReloadedIsFinishedConfirmedAndSaysSo() throws Exception {
        CancelAtStep cancel = new CancelAtStep("Confirming by a handshake");

        ApplyResult result = service.generate("https", cancel);

        assertEquals(result.applied(), result.served().get(0));
        assertEquals(List.of("Cancel came after HTTPS had reloaded the new certificate: undoing it then would need "
                + "another reload, so the change was finished and confirmed."), result.warnings());
        assertEquals(List.of(result.applied()), new HttpsTarget().current(service.show("https").settings()));
    }

    /** Says the steps it is told, and cancels from the first step whose words start with {@code prefix}. */
    private static final class CancelAtStep implements RenewalMonitor {

        final List<String> steps = new ArrayList<>();
        private final String prefix;
        private volatile boolean canceled;

        CancelAtStep(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public void subTask(String text) {
            steps.add(text);
            canceled |= text.startsWith(prefix);
        }

        @Override
        public boolean isCanceled() {
            return canceled;
        }
    }
}
