package org.certbench.truststore.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.OutboundTls;
import org.certbench.truststore.ProxySettings;
import org.certbench.truststore.TrustStore;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * Settings > Outbound Connections > Test Connection against a real HTTPS server, before and after its CA is trusted,
 * and by a name its certificate does not hold: the dialog shows the verifier's own words.
 */
class OutboundConnectionsUiTest {

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();

    @TempDir
    Path files;

    @Test
    void testConnectionSaysWhyItFailsAndSucceedsOnceTheCaIsImported() throws Exception {
        TrustStore store = service(TrustStore.class);
        service(OutboundTls.class).setProxy(ProxySettings.NONE);
        for (CaEntry entry : store.list()) {
            store.delete(entry.id());
        }
        KeyPair caKey = PkiFixtures.freshEc();
        byte[] ca = PkiFixtures.certificate("CN=UI Test Origin CA").key(caKey).ca(true).build();
        KeyPair serverKey = PkiFixtures.freshEc();
        byte[] server = PkiFixtures.certificate("CN=127.0.0.1").key(serverKey).issuedBy("CN=UI Test Origin CA", caKey)
                .ip(new byte[] { 127, 0, 0, 1 }).build();
        HttpsServer origin = origin(serverKey, server, ca);
        try {
            String url = "https://127.0.0.1:" + origin.getAddress().getPort() + "/";
            Shell main = ui.waitForShell("CertBench");
            ui.selectMenu(main, "Settings", "Outbound Connections...");
            Shell dialog = ui.waitForShell(Messages.Net_title);
            // the dialog base: a proxy port that is not one is said in the error line, and Save waits for a good one
            Text proxyPort = ui.byId(dialog, Text.class, OutboundConnectionsDialog.PROXY_PORT_ID);
            ui.type(ui.byId(dialog, Text.class, OutboundConnectionsDialog.PROXY_HOST_ID), "proxy.example");
            ui.type(proxyPort, "70000");
            assertTrue(ui.texts(dialog).stream().anyMatch(text -> text != null && text.contains(Messages.Net_badPort)),
                    ui.texts(dialog).toString());
            assertFalse(ui.onUi(ui.button(dialog, "Save")::isEnabled), "Save with a bad port");
            ui.type(ui.byId(dialog, Text.class, OutboundConnectionsDialog.PROXY_HOST_ID), "");
            ui.type(proxyPort, "");
            assertTrue(ui.onUi(ui.button(dialog, "Save")::isEnabled), "Save without a proxy");
            ui.type(ui.byId(dialog, Text.class, OutboundConnectionsDialog.URL_ID), url);
            Text result = ui.byId(dialog, Text.class, OutboundConnectionsDialog.RESULT_ID);

            ui.click(ui.byId(dialog, Button.class, OutboundConnectionsDialog.TEST_ID));
            ui.waitUntil("the refusal", () -> result.getText().startsWith("\u2716"));
            assertEquals("\u2716 The certificate of 127.0.0.1 was issued by 'UI Test Origin CA', which is not in the CA"
                    + " certificates.", ui.onUi(result::getText));

            store.importCertificate(Files.write(files.resolve("origin-ca.der"), ca));
            ui.click(ui.byId(dialog, Button.class, OutboundConnectionsDialog.TEST_ID));
            ui.waitUntil("success", () -> result.getText().startsWith("\u2714"));
            assertEquals("\u2714 Connected to " + url + ": the certificate chain verifies against the CA certificates"
                    + " (HTTP 200).", ui.onUi(result::getText));
            ui.screenshot(dialog, Path.of("target", "screenshots", "outbound-connections.png"));

            String byName = "https://localhost:" + origin.getAddress().getPort() + "/";
            ui.type(ui.byId(dialog, Text.class, OutboundConnectionsDialog.URL_ID), byName);
            ui.click(ui.byId(dialog, Button.class, OutboundConnectionsDialog.TEST_ID));
            ui.waitUntil("the refusal by name", () -> result.getText().startsWith("\u2716"));
            assertEquals("\u2716 The certificate of localhost is not trusted: the server certificate '127.0.0.1' does"
                    + " not name localhost: it holds IP:127.0.0.1.", ui.onUi(result::getText));
            ui.click(ui.button(dialog, "Cancel"));
        } finally {
            origin.stop(0);
        }
    }

    private static HttpsServer origin(KeyPair key, byte[] certificate, byte[] ca) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        Certificate[] chain = { factory.generateCertificate(new ByteArrayInputStream(certificate)),
                factory.generateCertificate(new ByteArrayInputStream(ca)) };
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("origin", key.getPrivate(), "pw".toCharArray(), chain);
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "pw".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("ok".getBytes());
            }
        });
        server.start();
        return server;
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(OutboundConnectionsUiTest.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        return tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
    }

}
