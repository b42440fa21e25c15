package org.certbench.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.certbench.crypto.HostIdentity;
import org.certbench.host.ServerCredentials;
import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.servers.NginxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first seed's advice to Generate, posted at start once per served certificate that does not fit. */
class GenerateRecommendationTest {

    @TempDir
    Path work;

    private final HostIdentity host = HostIdentity.detect();
    private final RecordedMessages messages = new RecordedMessages();
    private NginxServer nginx;
    private ServerCredentials old;

    @BeforeEach
    void startNginxServingAnOldCertificate() throws Exception {
        old = Pairs.selfSigned("old.example");
        Pairs.write(old, work.resolve("tls/server.crt"), work.resolve("tls/server.key"));
        nginx = NginxServer.start(work.resolve("nginx"), work.resolve("tls/server.crt"), work.resolve("tls/server.key"));
    }

    @AfterEach
    void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
    }

    private HostCertificateService start(boolean configured) throws Exception {
        HostCertificateService service = new HostCertificateService(work.resolve("home/host"), messages, () -> host,
                Clock.systemUTC(), Duration.ofSeconds(3), true);
        if (configured) {
            // written before the target is added: adding it starts the check
            new SettingsFiles(work.resolve("home/host")).write("https", Map.of(HttpsOptions.CERTIFICATE_FILE, work.resolve("tls/server.crt").toString(),
                    HttpsOptions.KEY_FILE, work.resolve("tls/server.key").toString(), HttpsOptions.RELOAD_COMMAND,
                    nginx.reloadCommand(), HttpsOptions.CHECK_ADDRESS, "127.0.0.1:" + nginx.port()));
        }
        service.addTarget(new HttpsTarget());
        return service;
    }

    private void awaitMessages(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (messages.texts().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void aServedCertificateForAnotherHostGetsOneMessageRecommendingGenerate() throws Exception {
        HostCertificateService first = start(true);
        awaitMessages(1);
        first.stop();

        assertEquals(List.of("HTTPS serves a certificate for DNS:old, DNS:old.example, which does not cover this host ("
                + host.fqdn() + "). It is highly recommended to generate a new certificate: Generate in Host "
                + "Certificates (or host:generate https)."), messages.texts());

        HostCertificateService second = start(true);
        assertTrue(second.recommendIfNeeded(second.target("https")), "it still needs a new certificate");
        second.stop();
        assertEquals(1, messages.texts().size(), "the same condition is reported once, not at every start");
    }

    @Test
    void afterGenerateNothingIsRecommended() throws Exception {
        HostCertificateService service = start(true);
        awaitMessages(1);
        service.generate("https");

        assertFalse(service.recommendIfNeeded(service.target("https")));
        service.stop();
        assertEquals(1, messages.texts().size());
    }

    @Test
    void aTargetThatIsNotSetUpGetsNoMessage() throws Exception {
        HostCertificateService service = start(false);

        assertFalse(service.recommendIfNeeded(service.target("https")));
        service.stop();
        assertEquals(List.of(), messages.texts());
    }
}
