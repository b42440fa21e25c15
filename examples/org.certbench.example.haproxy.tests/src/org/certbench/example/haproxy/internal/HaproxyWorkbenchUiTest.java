package org.certbench.example.haproxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.PrivateKeys;
import org.certbench.crypto.SelfSignedCertificates;
import org.certbench.host.HostCertificates;
import org.certbench.ui.testing.CommandRobot;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
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

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();
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
        showPart(HOST_PART);
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
        showPart(HOST_PART);
        ui.click(ui.byId(main, Button.class, "host.refresh"));
        ui.select(ui.byId(main, Combo.class, "host.target"), "HAProxy");
        Table certificate = ui.byId(main, Table.class, "host.certificate");
        ui.waitUntil("the certificate HAProxy serves", () -> ui.rows(certificate).contains(List.of("Subject", "CN=old.example")));
        CommandRobot commands = new CommandRobot(ui);
        assertTrue(commands.contextMenu(certificate).contains("Check HAProxy Listeners"), commands.contextMenu(certificate).toString());

        commands.contextMenu(certificate, "Check HAProxy Listeners");
        Shell report = ui.waitForShell("HAProxy Listeners");
        assertTrue(ui.texts(report).stream().anyMatch(text -> text.startsWith(
                "All 1 HAProxy listener(s) serve the certificate shown.\n\n\u2714 " + HaproxyServer.FRONTEND + " (127.0.0.1:")),
                ui.texts(report).toString());
        ui.click(ui.button(report, "OK"));

        // the same command in the main menu's Host Certificates menu
        ui.selectMenu(main, "Host Certificates", "Check HAProxy Listeners");
        ui.click(ui.button(ui.waitForShell("HAProxy Listeners"), "OK"));

        // another service selected: the command is not offered
        ui.select(ui.byId(main, Combo.class, "host.target"), "HTTPS");
        ui.waitUntil("disabled for HTTPS", () -> commands.contextMenu(certificate).contains("Check HAProxy Listeners (disabled)"));
    }

    @Test
    void theHaproxyViewListsTheFrontendAndTheCertificateItServes() throws Exception {
        showPart(HAPROXY_PART);
        ui.click(ui.byId(main, Button.class, "haproxy.refresh"));
        Table frontends = ui.byId(main, Table.class, "haproxy.frontends");

        ui.waitUntil("the frontend with its certificate", () -> ui.rows(frontends).contains(List.of(HaproxyServer.FRONTEND,
                "OPEN", "127.0.0.1:" + haproxy.port(), served.subject(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC)
                        .format(served.notAfter()), pemFile.toString(),
                served.sha256Fingerprint())));
        ui.waitForJobs(Duration.ofSeconds(30));
        assertEquals(1, ui.rows(frontends).size(), "one listener, shown once: " + ui.rows(frontends));
        assertEquals("1 listener(s), as HAProxy reports them now.", ui.onUi(ui.byId(main, Label.class, "haproxy.state")::getText));
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
            ui.runOnUi(() -> expiry.notifyListeners(SWT.DefaultSelection, new Event()));

            Table frontends = ui.byId(main, Table.class, "haproxy.frontends");
            ui.waitUntil("the plug-in's HAProxy view, shown for its kind, the frontend of the row selected",
                    () -> frontends.isVisible() && frontends.getSelectionCount() == 1
                            && frontends.getSelection()[0].getText(0).equals(HaproxyServer.OTHER_FRONTEND));
            // painted before it is copied: the screen lags the widgets otherwise
            ui.runOnUi(main::update);
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
        showPart(HAPROXY_PART);
        ui.click(ui.byId(main, Button.class, "haproxy.refresh"));
        Label state = ui.byId(main, Label.class, "haproxy.state");

        ui.waitUntil("a refusal in words", () -> ui.onUi(state::getText).startsWith("HAProxy's admin socket did not answer: "));
        assertEquals(List.of(), ui.rows(ui.byId(main, Table.class, "haproxy.frontends")));
    }

    @Test
    void withThePluginStoppedTheViewsNoLongerKnowHaproxy() throws Exception {
        plugin.stop();

        showPart(HOST_PART);
        ui.click(ui.byId(main, Button.class, "host.refresh"));
        Combo services = ui.byId(main, Combo.class, "host.target");
        ui.waitUntil("HAProxy gone from the drop-down", () -> !List.of(ui.onUi(services::getItems)).contains("HAProxy"));
        assertFalse(List.of(ui.onUi(services::getItems)).isEmpty(), "the built-in services stay");

        showPart(HAPROXY_PART);
        ui.click(ui.byId(main, Button.class, "haproxy.refresh"));
        Label state = ui.byId(main, Label.class, "haproxy.state");
        ui.waitUntil("the view says the plug-in is not running", () -> ui.onUi(state::getText).startsWith(
                "The HAProxy plug-in is not running"));
    }

    private void showPart(String id) {
        ui.runOnUi(() -> ((MWindow) main.getData("modelElement")).getContext().get(EPartService.class).showPart(id,
                EPartService.PartState.ACTIVATE));
    }

    private static HostCertificates hosts() throws InterruptedException {
        ServiceTracker<HostCertificates, HostCertificates> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(HaproxyWorkbenchUiTest.class).getBundleContext(), HostCertificates.class, null);
        tracker.open();
        return tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
    }
}
