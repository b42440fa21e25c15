package org.certbench.example.haproxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.crypto.Certificate;
import org.certbench.example.haproxy.ui.internal.FileChooser;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.PrivateKeys;
import org.certbench.crypto.SelfSignedCertificates;
import org.certbench.host.HostCertificates;
import org.certbench.truststore.TrustStore;
import org.certbench.ui.testing.CommandRobot;
import org.certbench.ui.dialogs.TextToCopyDialog;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The example as an administrator meets it in the workbench, against a real HAProxy: "HAProxy" in the Host
 * Certificates drop-down with its contributed details row, the plug-in's own HAProxy view (model fragment, which the
 * Expiry view opens for the plug-in's rows), and both gone from the views when the plug-in stops. Widget ids are
 * spelled out: a plug-in sees no internals.
 */
class HaproxyWorkbenchUiTest {

    private static final String HOST_PART = "org.certbench.host.ui.part.hosts";
    private static final String HAPROXY_PART = "org.certbench.example.haproxy.ui.part";
    private static final String AGENTS_PART = "org.certbench.agents.ui.part.agents";
    private static final String CA_PART = "org.certbench.truststore.ui.part.certificates";

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();
    private final CommandRobot commands = new CommandRobot(ui);
    private final Bundle plugin = FrameworkUtil.getBundle(HaproxyTarget.class);

    @TempDir
    Path work;

    private HaproxyServer haproxy;
    private Certificate served;
    private Path pemFile;
    private Shell main;

    @BeforeEach
    void haproxyConfiguredAsTheHaproxyTarget() throws Exception {
        KeyPair key = PrivateKeys.generate(KeyType.DEFAULT);
        served = SelfSignedCertificates.create(new HostIdentity("old", "old.example", List.of()), key, Clock.systemUTC());
        pemFile = work.resolve("tls/site.pem");
        Files.createDirectories(pemFile.getParent());
        Files.writeString(pemFile, served.pem() + PrivateKeys.toPem(key.getPrivate()));
        haproxy = HaproxyServer.start(work.resolve("haproxy"), pemFile);
        hosts().configure(HaproxyTarget.ID, Map.of(HaproxyOptions.PEM_FILE, pemFile.toString(),
                HaproxyOptions.ADMIN_SOCKET, haproxy.adminSocket().toString(),
                HaproxyOptions.CHECK_ADDRESS, "127.0.0.1:" + haproxy.port()));
        main = ui.waitForShell("CertBench");
    }

    @AfterEach
    void stopHaproxyAndRestartThePlugin() throws Exception {
        if (haproxy != null) {
            haproxy.close();
        }
        if (plugin.getState() != Bundle.ACTIVE) {
            plugin.start();
        }
    }

    @Test
    void hostCertificatesListsHaproxyWithItsCertificateAndTheContributedRow() throws Exception {
        commands.showView(main, HOST_PART);
        ui.click(ui.byId(main, Button.class, "host.refresh"));
        Combo services = ui.byId(main, Combo.class, "host.target");
        assertTrue(List.of(ui.onUi(services::getItems)).contains("HAProxy"), List.of(ui.onUi(services::getItems)).toString());

        ui.select(services, "HAProxy");
        Table certificate = ui.byId(main, Table.class, "host.certificate");
        ui.waitUntil("the certificate HAProxy serves, and the HAProxy row the plug-in contributes",
                () -> ui.rows(certificate).contains(List.of("Subject", "CN=old.example"))
                        && ui.rows(certificate).contains(List.of("HAProxy", "HAProxy's certificate, in " + pemFile)));
        ui.screenshot(main, Path.of("target", "screenshots", "host-certificates-haproxy.png"));
    }

    @Test
    void thePluginsCommandInTheHostViewsMenusChecksEveryListener() throws Exception {
        commands.showView(main, HOST_PART);
        ui.click(ui.byId(main, Button.class, "host.refresh"));
        ui.select(ui.byId(main, Combo.class, "host.target"), "HAProxy");
        Table certificate = ui.byId(main, Table.class, "host.certificate");
        ui.waitUntil("the certificate HAProxy serves", () -> ui.rows(certificate).contains(List.of("Subject", "CN=old.example")));
        assertTrue(commands.contextMenu(certificate).contains("Check HAProxy Listeners"), commands.contextMenu(certificate).toString());

        commands.contextMenu(certificate, "Check HAProxy Listeners");
        Shell report = ui.waitForShell("HAProxy Listeners");
        assertTrue(ui.texts(report).stream().anyMatch(text -> text.startsWith(
                "The one HAProxy listener serves the certificate shown.\n\n\u2714 " + HaproxyServer.FRONTEND + " (127.0.0.1:")),
                ui.texts(report).toString());
        ui.click(ui.button(report, "OK"));

        // the same command in the main menu's Host Certificates menu
        ui.selectMenu(main, "Host Certificates", "Check HAProxy Listeners");
        ui.clickButtonIn("HAProxy Listeners", "OK");

        // another service selected: the command is not offered
        ui.select(ui.byId(main, Combo.class, "host.target"), "HTTPS");
        ui.waitUntil("disabled for HTTPS", () -> commands.contextMenu(certificate).contains("Check HAProxy Listeners (disabled)"));
    }

    @Test
    void thePluginsCommandsInTheAgentsAndCaViewsHandHaproxyWhatCertBenchTrusts() throws Exception {
        AgentFleet fleet = service(AgentFleet.class);
        TrustStore store = service(TrustStore.class);
        Path caPem = work.resolve("client-ca.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=HAProxy Client CA", "-days", "30", "-keyout",
                work.resolve("client-ca.key").toString(), "-out", caPem.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, openssl.waitFor());
        // a space in the name: haproxy.cfg gets it in quotes
        Path agentsCaFile = work.resolve("for haproxy/agents-ca.pem");
        Path clientCaFile = work.resolve("for haproxy/client-cas.pem");
        Files.createDirectories(agentsCaFile.getParent());
        IEclipseContext context = ui.onUi(() -> ((MWindow) main.getData("modelElement")).getContext());
        Deque<Path> chosen = new ArrayDeque<>(List.of(agentsCaFile, agentsCaFile, clientCaFile, clientCaFile));
        ui.runOnUi(() -> context.set(FileChooser.class, (shell, title, fileName) -> chosen.removeFirst().toString()));
        // HAProxy's own frontend as an agent: CertBench pins the certificate it presents
        fleet.add("haproxy-web", "127.0.0.1", haproxy.port(), null);
        String caId = null;
        try {
            commands.showView(main, AGENTS_PART);
            Table agents = ui.byId(main, Table.class, "agents.table");
            ui.waitUntil("the agent listed", () -> ui.rows(agents).stream().anyMatch(row -> row.get(0).equals("haproxy-web")));
            ui.selectRows(agents, ui.rowIndex(agents, 0, "haproxy-web"));
            List<String> popup = commands.contextMenu(agents);
            assertEquals("Write HAProxy Backend for Agents...", popup.get(popup.size() - 1), "after the anchor, last: " + popup);
            commands.contextMenu(agents, "Write HAProxy Backend for Agents...");
            Shell backend = ui.waitForShell("HAProxy Backend for Agents");
            String backendLines = ui.onUi(ui.byId(backend, Text.class, "haproxy.config.lines")::getText);
            assertEquals("backend certbench_agents\n    server haproxy-web 127.0.0.1:" + haproxy.port()
                    + " ssl verify required ca-file \"" + agentsCaFile + "\"\n", backendLines);
            assertTrue(ui.texts(backend).stream().anyMatch(text -> text.strip().equals("Wrote 1 certificate to " + agentsCaFile + ".")),
                    ui.texts(backend).toString());
            assertTrue(Files.readString(agentsCaFile).contains(served.pem()), "the pinned certificate in the CA file");
            assertEveryLineReadsWhole(backend, agentsCaFile.toString());
            ui.screenshot(backend, Path.of("target", "screenshots", "haproxy-backend-for-agents.png"));
            ui.click(ui.button(backend, "Close"));
            // (with a frontend sending to it: HAProxy does not start without a listener)
            assertHaproxyAccepts("frontend to_agents\n    bind 127.0.0.1:1\n    default_backend certbench_agents\n"
                    + backendLines);
            // the same command in the main menu's Agents menu
            ui.selectMenu(main, "Agents", "Write HAProxy Backend for Agents...");
            ui.clickButtonIn("HAProxy Backend for Agents", "Close");

            caId = store.importCertificate(caPem).entry().id();
            commands.showView(main, CA_PART);
            Table cas = ui.byId(main, Table.class, "ca.table");
            ui.waitUntil("the CA listed", () -> ui.rows(cas).stream().anyMatch(HaproxyWorkbenchUiTest::isClientCa));
            int caRow = -1;
            List<List<String>> rows = ui.rows(cas);
            for (int i = 0; i < rows.size(); i++) {
                if (isClientCa(rows.get(i))) {
                    caRow = i;
                }
            }
            ui.selectRows(cas, caRow);
            List<String> caPopup = commands.contextMenu(cas);
            assertEquals("Use as HAProxy CA File...", caPopup.get(caPopup.size() - 1), "after the anchor, last: " + caPopup);
            commands.contextMenu(cas, "Use as HAProxy CA File...");
            Shell caFile = ui.waitForShell("HAProxy CA File");
            String bindLines = ui.onUi(ui.byId(caFile, Text.class, "haproxy.config.lines")::getText);
            assertEquals("frontend https\n    bind :443 ssl crt /etc/haproxy/site.pem ca-file \"" + clientCaFile
                    + "\" verify required\n", bindLines);
            assertTrue(Files.readString(clientCaFile).contains(Files.readString(caPem).strip()), "the CA in the file");
            assertEveryLineReadsWhole(caFile, clientCaFile.toString());
            ui.screenshot(caFile, Path.of("target", "screenshots", "haproxy-ca-file.png"));
            ui.click(ui.button(caFile, "Close"));
            assertHaproxyAccepts(bindLines.replace("/etc/haproxy/site.pem", pemFile.toString()));
            // the same command in the main menu's CA Certificates menu
            ui.selectMenu(main, "CA Certificates", "Use as HAProxy CA File...");
            ui.clickButtonIn("HAProxy CA File", "Close");
            assertTrue(chosen.isEmpty(), "each command asked for its file: " + chosen);
        } finally {
            ui.runOnUi(() -> context.remove(FileChooser.class));
            fleet.remove("haproxy-web");
            if (caId != null) {
                store.delete(caId);
            }
        }
    }

    private static boolean isClientCa(List<String> row) {
        return row.stream().anyMatch(cell -> cell.contains("HAProxy Client CA"));
    }

    /** HAProxy's own check ({@code haproxy -c}) of a configuration with {@code lines}: it reads the files they name. */
    /**
     * A line of haproxy.cfg naming the CA file is longer than the dialog's field is wide: the field wraps it (and
     * scrolls when there are more lines than it shows), the line saying where the file was written wraps too, and
     * both lie inside the dialog, so nothing is cut off at its edge.
     */
    private void assertEveryLineReadsWhole(Shell dialog, String path) {
        Text field = ui.byId(dialog, Text.class, "haproxy.config.lines");
        Label done = ui.byId(dialog, Label.class, TextToCopyDialog.DONE_ID);
        ui.runOnUi(() -> {
            assertEquals(SWT.WRAP | SWT.V_SCROLL, field.getStyle() & (SWT.WRAP | SWT.V_SCROLL | SWT.H_SCROLL),
                    "the field wraps and scrolls");
            assertEquals(SWT.WRAP, done.getStyle() & SWT.WRAP, "the line saying where the file is wraps");
            String longest = field.getText().lines().filter(line -> line.contains(path)).findFirst().orElseThrow();
            GC gc = new GC(field);
            try {
                assertTrue(gc.textExtent(longest).x > field.getClientArea().width,
                        "the line naming the file is wider than the field, so it has to wrap: " + longest);
            } finally {
                gc.dispose();
            }
            Rectangle inside = dialog.getClientArea();
            for (Control control : List.of(field, done)) {
                Rectangle bounds = dialog.getDisplay().map(control.getParent(), dialog, control.getBounds());
                assertTrue(inside.contains(bounds.x, bounds.y) && bounds.x + bounds.width <= inside.width
                        && bounds.y + bounds.height <= inside.height, control + " at " + bounds + " in " + inside);
            }
        });
    }

    private void assertHaproxyAccepts(String lines) throws Exception {
        Path configuration = work.resolve("check.cfg");
        Files.writeString(configuration, """
                defaults
                    mode http
                    timeout connect 5s
                    timeout client 5s
                    timeout server 5s
                """ + lines);
        Process check = new ProcessBuilder("/usr/sbin/haproxy", "-c", "-f", configuration.toString())
                .redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, check.waitFor(), said);
    }

    @Test
    void theHaproxyViewListsTheFrontendAndTheCertificateItServes() throws Exception {
        commands.showView(main, HAPROXY_PART);
        ui.click(ui.byId(main, Button.class, "haproxy.refresh"));
        Table frontends = ui.byId(main, Table.class, "haproxy.frontends");

        ui.waitUntil("the frontend with its certificate", () -> ui.rows(frontends).contains(List.of(HaproxyServer.FRONTEND,
                "OPEN", "127.0.0.1:" + haproxy.port(), served.subject(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC)
                        .format(served.notAfter()), pemFile.toString(),
                served.sha256Fingerprint())));
        ui.waitForJobs(Duration.ofSeconds(30));
        assertEquals(1, ui.rows(frontends).size(), "one listener, shown once: " + ui.rows(frontends));
        assertEquals("1 listener, as HAProxy reports it now.", ui.onUi(ui.byId(main, Label.class, "haproxy.state")::getText));
        ui.screenshot(main, Path.of("target", "screenshots", "haproxy-view.png"));
    }

    @Test
    void aDoubleClickOnAHaproxyRowOfTheExpiryViewOpensTheHaproxyView() throws Exception {
        haproxy.close();
        KeyPair key = PrivateKeys.generate(KeyType.DEFAULT);
        Certificate api = SelfSignedCertificates.create(new HostIdentity("api", "api.example", List.of()), key,
                Clock.systemUTC());
        Path apiPem = work.resolve("tls/api.pem");
        Files.writeString(apiPem, api.pem() + PrivateKeys.toPem(key.getPrivate()));
        haproxy = HaproxyServer.start(work.resolve("haproxy-two"), pemFile, apiPem);
        hosts().configure(HaproxyTarget.ID, Map.of(HaproxyOptions.PEM_FILE, pemFile.toString(),
                HaproxyOptions.ADMIN_SOCKET, haproxy.adminSocket().toString(),
                HaproxyOptions.CHECK_ADDRESS, "127.0.0.1:" + haproxy.port()));

        ui.selectMenu(main, "Window", "Show View", "Expiry");
        try {
            Table expiry = ui.byId(main, Table.class, "expiry.table");
            ui.waitUntil("the other frontend's certificate, a row of kind haproxy",
                    () -> ui.rows(expiry).stream().anyMatch(row -> row.get(0).equals("haproxy") && row.get(1).equals(
                            HaproxyServer.OTHER_FRONTEND)));
            int row = ui.rowIndex(expiry, 1, HaproxyServer.OTHER_FRONTEND);
            ui.selectRows(expiry, row);
            commands.defaultSelection(expiry);

            Table frontends = ui.byId(main, Table.class, "haproxy.frontends");
            ui.waitUntil("the plug-in's HAProxy view, shown for its kind, the frontend of the row selected",
                    () -> frontends.isVisible() && frontends.getSelectionCount() == 1
                            && frontends.getSelection()[0].getText(0).equals(HaproxyServer.OTHER_FRONTEND));
            ui.screenshot(main, Path.of("target", "screenshots", "haproxy-view-from-expiry.png"));
        } finally {
            // closed: an open Expiry view reads the frontends at every change, racing HaproxyExpiryTest's own reads
            ui.runOnUi(() -> {
                EPartService parts = ((MWindow) main.getData("modelElement")).getContext().get(EPartService.class);
                MPart part = parts.findPart("org.certbench.expiry.ui.part.expiry");
                if (part != null) {
                    parts.hidePart(part, true);
                }
            });
        }
    }

    @Test
    void theHaproxyViewSaysWhyWhenHaproxyDoesNotAnswer() throws Exception {
        haproxy.close();
        haproxy = null;
        commands.showView(main, HAPROXY_PART);
        ui.click(ui.byId(main, Button.class, "haproxy.refresh"));
        Label state = ui.byId(main, Label.class, "haproxy.state");

        ui.waitUntil("a refusal in words", () -> ui.onUi(state::getText).startsWith("HAProxy's admin socket did not answer: "));
        assertEquals(List.of(), ui.rows(ui.byId(main, Table.class, "haproxy.frontends")));
    }

    @Test
    void withThePluginStoppedTheViewsNoLongerKnowHaproxy() throws Exception {
        plugin.stop();

        commands.showView(main, HOST_PART);
        ui.click(ui.byId(main, Button.class, "host.refresh"));
        Combo services = ui.byId(main, Combo.class, "host.target");
        ui.waitUntil("HAProxy gone from the drop-down", () -> !List.of(ui.onUi(services::getItems)).contains("HAProxy"));
        assertFalse(List.of(ui.onUi(services::getItems)).isEmpty(), "the built-in services stay");

        commands.showView(main, HAPROXY_PART);
        ui.click(ui.byId(main, Button.class, "haproxy.refresh"));
        Label state = ui.byId(main, Label.class, "haproxy.state");
        ui.waitUntil("the view says the plug-in is not running", () -> ui.onUi(state::getText).startsWith(
                "The HAProxy plug-in is not running"));
    }

    private static HostCertificates hosts() throws InterruptedException {
        return service(HostCertificates.class);
    }

    private static <S> S service(Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(HaproxyWorkbenchUiTest.class).getBundleContext(), type, null);
        tracker.open();
        return tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
    }
}
