package org.certbench.notify.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.certbench.core.StateDirectory;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.OutboundTls;
import org.certbench.truststore.ProxySettings;
import org.certbench.truststore.TrustStore;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * Settings > Notifications in the workbench: a webhook added through the dialog (its HMAC key from a file), Send Test
 * received by a real HTTPS server with a valid signature, plain SMTP to a remote host refused in the service's
 * words, an email channel's timeout and runbook (refused in words, then saved), and Remove.
 */
class NotificationsUiTest {

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final List<String> signatures = new CopyOnWriteArrayList<>();
    private final List<String> timestamps = new CopyOnWriteArrayList<>();

    @TempDir
    Path files;

    @Test
    void addTestAndRemoveAWebhookFromSettings() throws Exception {
        service(OutboundTls.class).setProxy(ProxySettings.NONE);
        KeyPair caKey = PkiFixtures.freshEc();
        byte[] ca = PkiFixtures.certificate("CN=UI Notify CA").key(caKey).ca(true).build();
        KeyPair serverKey = PkiFixtures.freshEc();
        byte[] server = PkiFixtures.certificate("CN=127.0.0.1").key(serverKey).issuedBy("CN=UI Notify CA", caKey)
                .ip(new byte[] { 127, 0, 0, 1 }).build();
        service(TrustStore.class).importCertificate(Files.write(files.resolve("ca.der"), ca));
        Path key = Files.writeString(files.resolve("hmac.key"), "ui-hmac-key\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------")); // or it is refused
        HttpsServer receiver = receiver(serverKey, server, ca);
        try {
            String url = "https://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/T0KEN";
            Shell main = ui.waitForShell("CertBench");
            ui.selectMenu(main, "Settings", "Notifications...");
            Shell dialog = ui.waitForShell(Messages.Dialog_title);

            ui.click(ui.byId(dialog, Button.class, NotificationsDialog.ADD_WEBHOOK_ID));
            Shell add = ui.waitForShell(Messages.Add_webhookTitle);
            ui.type(ui.byId(add, Text.class, ChannelDialog.FIELD_PREFIX + "name"), "hook");
            ui.type(ui.byId(add, Text.class, ChannelDialog.FIELD_PREFIX + "url"), url);
            ui.select(ui.byId(add, Combo.class, ChannelDialog.FIELD_PREFIX + "auth"), Messages.Auth_hmac);
            ui.type(ui.byId(add, Text.class, ChannelDialog.FIELD_PREFIX + "secretFile"), key.toString());
            Text timeout = ui.byId(add, Text.class, ChannelDialog.FIELD_PREFIX + "timeout");
            assertEquals("30", ui.onUi(timeout::getText), "the default timeout");
            ui.type(timeout, "0");
            ui.click(ui.button(add, Messages.Add_save));
            String badTimeout = "The webhook timeout '0' (seconds) is not usable: give whole seconds from 1 to 120.";
            ui.waitUntil("the timeout refused", () -> ui.texts(add).stream().anyMatch(t -> t.contains(badTimeout)));
            ui.type(timeout, "15");
            ui.click(ui.button(add, Messages.Add_save));
            ui.waitUntil("the dialog saved and closed", add::isDisposed);

            Table table = ui.byId(dialog, Table.class, NotificationsDialog.TABLE_ID);
            ui.waitUntil("the channel listed", () -> ui.rows(table).size() == 1);
            assertEquals(List.of(List.of("hook", "webhook", "https://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/\u2026 (generic)", "set", "0", "")), ui.rows(table));

            Text result = ui.byId(dialog, Text.class, NotificationsDialog.RESULT_ID);
            ui.selectRows(table, 0);
            ui.click(ui.byId(dialog, Button.class, NotificationsDialog.TEST_ID));
            ui.waitUntil("the test's outcome", () -> result.getText().startsWith(NotificationsDialog.SUCCESS)
                    || result.getText().startsWith(NotificationsDialog.FAILURE));
            assertEquals(NotificationsDialog.SUCCESS + "A test message was posted to https://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/\u2026 (HTTP 200).", ui.onUi(result::getText));
            assertEquals(1, bodies.size());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("ui-hmac-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertEquals(1, timestamps.size());
            mac.update((timestamps.get(0) + ".").getBytes(StandardCharsets.US_ASCII));
            assertEquals(List.of("sha256=" + HexFormat.of().formatHex(mac.doFinal(bodies.get(0)))), signatures);
            assertTrue(new String(bodies.get(0), StandardCharsets.UTF_8).contains("This is a test"));

            ui.click(ui.byId(dialog, Button.class, NotificationsDialog.ADD_EMAIL_ID));
            Shell mail = ui.waitForShell(Messages.Add_emailTitle);
            ui.type(ui.byId(mail, Text.class, ChannelDialog.FIELD_PREFIX + "name"), "ops");
            ui.type(ui.byId(mail, Text.class, ChannelDialog.FIELD_PREFIX + "to"), "ops@example.org");
            ui.type(ui.byId(mail, Text.class, ChannelDialog.FIELD_PREFIX + "from"), "certbench@example.org");
            ui.type(ui.byId(mail, Text.class, ChannelDialog.FIELD_PREFIX + "server"), "mail.example.org:25");
            ui.select(ui.byId(mail, Combo.class, ChannelDialog.FIELD_PREFIX + "security"), "plain");
            ui.click(ui.button(mail, Messages.Add_save));
            String refusal = "Plain SMTP sends the messages and any password readable by anyone on the way; it is"
                    + " allowed only to a relay on this machine (127.0.0.1, ::1 or localhost), not to"
                    + " 'mail.example.org'. Use --starttls or --tls.";
            ui.waitUntil("the refusal", () -> ui.texts(mail).stream().anyMatch(t -> t.contains(refusal)));
            ui.screenshot(mail, Path.of("target", "screenshots", "notifications-refused.png"));
            // the email timeout and the runbook: refused in words by the dialog and by the service, then saved
            ui.type(ui.byId(mail, Text.class, ChannelDialog.FIELD_PREFIX + "server"), "127.0.0.1:25");
            Text mailTimeout = ui.byId(mail, Text.class, ChannelDialog.FIELD_PREFIX + "timeout");
            assertEquals("60", ui.onUi(mailTimeout::getText), "the default timeout of a mail");
            ui.type(mailTimeout, "soon");
            ui.click(ui.button(mail, Messages.Add_save));
            String notSeconds = "The email timeout 'soon' (seconds) is not usable: give whole seconds from 1 to 120.";
            ui.waitUntil("the timeout refused", () -> ui.texts(mail).stream().anyMatch(t -> t.contains(notSeconds)));
            ui.type(mailTimeout, "121");
            ui.click(ui.button(mail, Messages.Add_save));
            String tooLong = "The email timeout '121' (seconds) is not usable: give whole seconds from 1 to 120.";
            ui.waitUntil("the service's refusal", () -> ui.texts(mail).stream().anyMatch(t -> t.contains(tooLong)));
            ui.type(mailTimeout, "20");
            Text runbook = ui.byId(mail, Text.class, ChannelDialog.FIELD_PREFIX + "runbook");
            ui.type(runbook, "file:///etc/runbook");
            ui.click(ui.button(mail, Messages.Add_save));
            // its path shown as "…", as every URL in a refusal (a path may hold a token)
            String badRunbook = "The runbook 'file:///\u2026' is not usable: give an http:// or https:// URL with"
                    + " a host; {kind}, {id} and {name} in it stand for the certificate.";
            ui.waitUntil("the runbook refused", () -> ui.texts(mail).stream().anyMatch(t -> t.contains(badRunbook)));
            ui.type(runbook, "https://wiki.example.org/certs/{kind}/{id}");
            ui.click(ui.button(mail, Messages.Add_save));
            ui.waitUntil("the mail channel saved", mail::isDisposed);
            String stored = Files.readString(StateDirectory.area("notify").resolve("channels.json"));
            assertTrue(stored.contains("\"timeout\":20") && stored.contains(
                    "\"runbook\":\"https://wiki.example.org/certs/{kind}/{id}\""), stored);
            ui.waitUntil("both channels listed", () -> ui.rows(table).size() == 2);

            ui.screenshot(dialog, Path.of("target", "screenshots", "notifications.png"));
            for (String name : List.of("hook", "ops")) {
                int row = ui.rows(table).stream().map(cells -> cells.get(0)).toList().indexOf(name);
                ui.selectRows(table, row);
                ui.click(ui.byId(dialog, Button.class, NotificationsDialog.REMOVE_ID));
                ui.waitUntil("the removal said", () -> result.getText().equals(NotificationsDialog.SUCCESS
                        + "The channel '" + name + "' was removed."));
            }
            ui.waitUntil("the channels removed", () -> ui.rows(table).isEmpty());
            ui.click(ui.button(dialog, "Close"));
        } finally {
            receiver.stop(0);
        }
    }

    private HttpsServer receiver(KeyPair key, byte[] certificate, byte[] ca) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        Certificate[] chain = { factory.generateCertificate(new ByteArrayInputStream(certificate)),
                factory.generateCertificate(new ByteArrayInputStream(ca)) };
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("receiver", key.getPrivate(), "pw".toCharArray(), chain);
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "pw".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(in.readNBytes(1 << 20));
                signatures.addAll(exchange.getRequestHeaders().getOrDefault("X-certbench-signature", List.of()));
                timestamps.addAll(exchange.getRequestHeaders().getOrDefault("X-certbench-timestamp", List.of()));
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(NotificationsUiTest.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        return tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
    }
}
