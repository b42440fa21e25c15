package org.certbench.truststore.internal;

import static org.certbench.testing.pki.PkiFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.certbench.testing.messages.RecordedMessages;
import org.certbench.truststore.ProxySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code net.properties} used by the workbench and a shell at once: the proxy a shell sets is the one the
 * workbench's outbound connections use next, and its listeners hear of it.
 */
class SharedNetSettingsTest {

    @TempDir
    Path work;

    private OutboundTlsService open() throws IOException {
        FileTrustStore store = new FileTrustStore(work.resolve("truststore"), new TrustStoreSettings(
                TrustStoreSettings.DEFAULT_WARNING_DAYS, Duration.ofHours(24), List.of()), new RecordedMessages(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        return new OutboundTlsService(store, new NetSettings(work.resolve("net.properties")), Clock.systemUTC());
    }

    @Test
    void theProxyAShellSetIsTheWorkbenchsNext() throws Exception {
        OutboundTlsService workbench = open();
        workbench.setProxy(new ProxySettings("old-proxy.example", 3128));
        OutboundTlsService shell = open();

        shell.setProxy(new ProxySettings("new-proxy.example", 8080));

        assertEquals(new ProxySettings("new-proxy.example", 8080), workbench.proxy());
        shell.setProxy(ProxySettings.NONE);
        assertEquals(ProxySettings.NONE, workbench.proxy(), "a proxy removed by the shell");
    }

    @Test
    void theWatchTellsTheWorkbenchWhatTheShellSet() throws Exception {
        OutboundTlsService workbench = open();
        List<ProxySettings> seen = new CopyOnWriteArrayList<>();
        workbench.addChangeListener(() -> seen.add(workbench.proxy()));
        workbench.watch(Duration.ofMillis(20));
        try {
            open().setProxy(new ProxySettings("proxy.example", 3128));

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!seen.contains(new ProxySettings("proxy.example", 3128)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(seen.contains(new ProxySettings("proxy.example", 3128)), "the listener saw it: " + seen);
        } finally {
            workbench.stop();
        }
    }

    @Test
    void aFileAnotherProcessBrokeLeavesTheProxyReadBefore() throws Exception {
        OutboundTlsService workbench = open();
        workbench.setProxy(new ProxySettings("proxy.example", 3128));

        Files.writeString(work.resolve("net.properties"), "proxy.host=other.example\nproxy.port=many\n");

        assertEquals(new ProxySettings("proxy.example", 3128), workbench.proxy());
    }
}
