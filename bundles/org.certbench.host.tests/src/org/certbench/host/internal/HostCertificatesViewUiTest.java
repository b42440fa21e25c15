package org.certbench.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.certbench.crypto.Certificates;
import org.certbench.crypto.HostIdentity;
import org.certbench.host.HostCertificates;
import org.certbench.host.ui.internal.HostCertificatesPart;
import org.certbench.ui.progress.ProgressLine;
import org.certbench.testing.servers.HoldingListener;
import org.certbench.ui.testing.CommandRobot;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The Host Certificates view driving a real nginx: Generate (after Save), Upload and Renew with issuer…, with real widgets. */
class HostCertificatesViewUiTest {

    private static final String CA_PART = "org.certbench.truststore.ui.part.certificates";
    private static final String HOST_PART = "org.certbench.host.ui.part.hosts";

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();

    private final CommandRobot commands = new CommandRobot(ui);

    @TempDir
    Path work;

    private HostCertificatesForTests.RunningNginx nginx;
    private Shell main;
    private Table certificate;

    @BeforeEach
    void nginxAsTheHttpsTarget() throws Exception {
        ServiceTracker<HostCertificates, HostCertificates> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(HostCertificatesViewUiTest.class).getBundleContext(), HostCertificates.class,
                null);
        tracker.open();
        HostCertificates hosts = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        nginx = HostCertificatesForTests.nginxServingAnotherHost(work);
        hosts.configure("https", Map.of(HttpsOptions.CERTIFICATE_FILE, nginx.certificateFile().toString(),
                HttpsOptions.KEY_FILE, nginx.keyFile().toString(), HttpsOptions.RELOAD_COMMAND, nginx.reloadCommand(),
                HttpsOptions.CHECK_ADDRESS, "127.0.0.1:" + nginx.port()));
        main = ui.waitForShell("CertBench");
        commands.showView(main, "org.certbench.host.ui.part.hosts");
        ui.click(ui.byId(main, Button.class, HostCertificatesPart.REFRESH_ID));
        ui.select(ui.byId(main, Combo.class, HostCertificatesPart.TARGET_ID), "HTTPS");
        certificate = ui.byId(main, Table.class, HostCertificatesPart.CERTIFICATE_ID);
        ui.waitUntil("the certificate nginx serves", () -> ui.rows(certificate).contains(List.of("Subject", "CN=old.example")));
    }

    @AfterEach
    void stopNginx() {
        nginx.close();
    }

    @Test
    void generateAsksToSaveThenNginxServesACertificateForThisHost() throws Exception {
        assertTrue(ui.rows(certificate).stream().anyMatch(row -> row.get(0).equals("Warning")),
                "a certificate for another host is flagged: " + ui.rows(certificate));

        ui.click(ui.byId(main, Button.class, HostCertificatesPart.GENERATE_ID));
        Shell confirm = ui.waitForShell("Generate a Certificate");
        String fqdn = HostIdentity.detect().fqdn();
        assertTrue(ui.texts(confirm).stream().anyMatch(text -> text.contains("Common name: " + fqdn)), ui.texts(confirm).toString());
        ui.click(ui.button(confirm, "Save"));
        ui.clickButtonIn("Host Certificates", "OK");

        ui.waitUntil("the new certificate", () -> ui.rows(certificate).contains(List.of("Subject", "CN=" + fqdn)));
        ui.screenshot(main, Path.of("target", "screenshots", "host-certificates.png"));
    }

    @Test
    void settingsHostServicesShowsAndSavesTheSettings() throws Exception {
        ui.selectMenu(main, "Settings", "Host Services...");
        Shell dialog = ui.waitForShell("Host Services");
        Text check = ui.byId(dialog, Text.class, "host.settings." + HttpsOptions.CHECK_ADDRESS);
        assertTrue(ui.onUi(check::getText).equals("127.0.0.1:" + nginx.port()), ui.onUi(check::getText));

        // a required setting emptied: named in words, Save withheld until it has a value again
        Text keyFile = ui.byId(dialog, Text.class, "host.settings." + HttpsOptions.KEY_FILE);
        String key = ui.onUi(keyFile::getText);
        ui.type(keyFile, "");
        // the title area's error line starts with a space (JFace's gap after its icon)
        assertTrue(ui.texts(dialog).stream().anyMatch(text -> text.strip()
                .equals(HttpsOptions.KEY_FILE + " is required for HTTPS: give it a value, then Save.")),
                ui.texts(dialog).toString());
        assertFalse(ui.onUi(ui.button(dialog, "Save")::isEnabled), "Save without a required setting");
        ui.screenshot(dialog, Path.of("target", "screenshots", "host-services-required.png"));
        ui.type(keyFile, key);
        ui.type(ui.byId(dialog, Text.class, "host.settings." + HttpsOptions.CHECK_ADDRESS), "localhost:" + nginx.port());
        ui.click(ui.button(dialog, "Save"));
        ui.waitUntil("saved", () -> savedCheckAddress().equals("localhost:" + nginx.port()));
        ui.click(ui.button(dialog, "Close"));
    }

    private static String savedCheckAddress() {
        try {
            return hosts().settings("https").value(HttpsOptions.CHECK_ADDRESS).orElse("");
        } catch (org.certbench.host.HostCertificateException e) {
            return e.getMessage();
        }
    }

    private static String savedKeyFile() {
        try {
            return hosts().settings("https").value(HttpsOptions.KEY_FILE).orElse("");
        } catch (org.certbench.host.HostCertificateException e) {
            return e.getMessage();
        }
    }

    private static HostCertificates hosts() {
        ServiceTracker<HostCertificates, HostCertificates> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(HostCertificatesViewUiTest.class).getBundleContext(), HostCertificates.class,
                null);
        tracker.open();
        return tracker.getService();
    }

    @Test
    void uploadShowsARefusalInWordsAndAppliesAGoodPair() throws Exception {
        TestCa ca = TestCa.create(work.resolve("ca"));
        TestCa.Issued issued = ca.issue(HostIdentity.detect().fqdn());
        Path otherKey = work.resolve("other/other.key");
        Pairs.write(Pairs.selfSigned("someone.else"), work.resolve("other/other.crt"), otherKey);

        ui.click(ui.byId(main, Button.class, HostCertificatesPart.UPLOAD_ID));
        Shell upload = ui.waitForShell("Upload a Certificate");
        // the dialog base: OK waits for both files, and the error line names what is missing once a field changed
        assertFalse(ui.onUi(ui.button(upload, "OK")::isEnabled), "OK before any file is chosen");
        ui.type(ui.byId(upload, Text.class, "host.upload.certificate"), issued.certificate().toString());
        assertTrue(ui.texts(upload).stream().anyMatch(text -> text != null && text.contains("Choose the private key file.")),
                ui.texts(upload).toString());
        assertFalse(ui.onUi(ui.button(upload, "OK")::isEnabled), "OK without a key file");
        ui.type(ui.byId(upload, Text.class, "host.upload.key"), otherKey.toString());
        ui.click(ui.button(upload, "OK"));
        ui.waitUntil("the refusal in " + ui.texts(upload), () -> ui.texts(upload).stream()
                .anyMatch(text -> text != null && text.contains("Refused: ")), java.time.Duration.ofSeconds(15));

        ui.type(ui.byId(upload, Text.class, "host.upload.key"), issued.key().toString());
        ui.click(ui.button(upload, "OK"));
        ui.clickButtonIn("Host Certificates", "OK");

        String fingerprint = Certificates.read(issued.certificate()).certificate().sha256Fingerprint();
        ui.waitUntil("the uploaded certificate", () -> ui.rows(certificate).contains(List.of("SHA-256 fingerprint", fingerprint)));
        assertTrue(ui.onUi(upload::isDisposed), "the dialog closed");
    }

    @Test
    void renewWithTheLocalIssuerAppliesACertificateItSigned() throws Exception {
        // the table's context menu opens it (cancelled here), the main menu runs it
        new CommandRobot(ui).contextMenu(certificate, "Renew with issuer...");
        ui.clickButtonIn("Renew with an Issuer", "Cancel");
        ui.selectMenu(main, "Host Certificates", "Renew with issuer...");
        Shell dialog = ui.waitForShell("Renew with an Issuer");
        Combo issuer = ui.byId(dialog, Combo.class, "host.renew.issuer");
        String local = java.util.Arrays.stream(ui.onUi(issuer::getItems)).filter(item -> item.startsWith("local \u2014 "))
                .findFirst().orElseThrow(() -> new AssertionError(java.util.Arrays.toString(ui.onUi(issuer::getItems))));
        ui.select(issuer, local);
        ui.click(ui.button(dialog, "OK"));
        Shell done = ui.waitForShell("Host Certificates");
        assertTrue(ui.texts(done).stream().anyMatch(text -> text != null && text.contains("issued through local.")),
                ui.texts(done).toString());
        ui.click(ui.button(done, "OK"));

        org.certbench.crypto.Certificate served = hosts().show("https").certificate();
        assertTrue(!served.isSelfSigned(), "signed by the local CA: " + served.issuer());
        ui.waitUntil("the renewed certificate",
                () -> ui.rows(certificate).contains(List.of("SHA-256 fingerprint", served.sha256Fingerprint())));
    }

    @Test
    void theViewsActionsRunFromTheContextMenuTheMainMenuAndKeys() throws Exception {
        // the Chain tab of the shared details widget: what nginx serves, followed to its root
        Table chain = ui.byId(main, Table.class, HostCertificatesPart.CHAIN_ID);
        // the view may follow the path again (a second refresh on start), so the whole row is waited for
        ui.waitUntil("the served certificate's path, followed to itself as the root", () -> {
            List<List<String>> rows = ui.rows(chain);
            return rows.size() == 1 && rows.get(0).get(0).equals("old.example") && rows.get(0).get(1).equals("no")
                    && rows.get(0).get(3).equals("self-signed: the root");
        });
        assertTrue(ui.rows(certificate).stream().anyMatch(row -> row.get(0).equals("Key algorithm")),
                "the key type among the fields: " + ui.rows(certificate));
        assertEquals(List.of("Generate...", "Upload...", "Renew with issuer...", "Get from ACME CA...", "Configure...",
                "Copy", "Refresh"), commands.contextMenu(certificate));

        // the view's toolbar: the same commands, each with its icon
        List<String> tools = List.of("Generate a self-signed certificate for this host",
                "Upload a certificate and its key", "Renew with an issuer", "Configure this service", "Refresh (F5)");
        commands.waitForToolItems(main, tools);
        commands.clickTool(main, "Generate a self-signed certificate for this host");
        ui.clickButtonIn("Generate a Certificate", "Cancel");

        // the context menu and the main menu run the seed's Generate and Upload (cancelled here)
        commands.contextMenu(certificate, "Generate...");
        ui.clickButtonIn("Generate a Certificate", "Cancel");
        ui.selectMenu(main, "Host Certificates", "Upload...");
        ui.clickButtonIn("Upload a Certificate", "Cancel");

        // Ctrl+C: the fields as text
        ui.clearClipboard();
        commands.press(certificate, SWT.MOD1, 'c');
        assertTrue(ui.clipboardText().contains("Subject\tCN=old.example"),
                ui.clipboardText());
        // in the Chain tab: its selected row, with the column titles
        ui.runOnUi(() -> ((org.eclipse.swt.widgets.TabFolder) chain.getParent().getParent()).setSelection(1));
        ui.selectRows(chain, 0);
        commands.press(chain, SWT.MOD1, 'c');
        String copiedChain = ui.clipboardText();
        assertTrue(copiedChain.startsWith("Certificate\t") && copiedChain.contains("old.example\tno\t"), copiedChain);
        // a right click on the Chain tab's table: the view's context menu too
        assertEquals(List.of("Generate...", "Upload...", "Renew with issuer...", "Get from ACME CA...", "Configure...",
                "Copy", "Refresh"), commands.contextMenu(chain));
        ui.runOnUi(() -> ((org.eclipse.swt.widgets.TabFolder) chain.getParent().getParent()).setSelection(0));

        // F5: what nginx serves now, after a change behind the view's back
        String generated = hosts().generate("https").applied().sha256Fingerprint();
        commands.press(certificate, SWT.NONE, SWT.F5);
        ui.waitUntil("the certificate generated behind the view's back",
                () -> ui.rows(certificate).contains(List.of("SHA-256 fingerprint", generated)));

        // a service not configured: the hint offers Configure..., which opens its page of Settings > Host Services
        hosts().configure("https", Map.of(HttpsOptions.KEY_FILE, ""));
        ui.selectMenu(main, "Host Certificates", "Refresh");
        Button configure = ui.byId(main, Button.class, HostCertificatesPart.CONFIGURE_ID);
        ui.waitUntil("Configure... beside the hint", () -> configure.isVisible());
        Label state = ui.byId(main, Label.class, HostCertificatesPart.STATE_ID);
        String hint = ui.onUi(state::getText);
        assertEquals("HTTPS is not configured yet: set " + HttpsOptions.KEY_FILE + " in its settings (Configure...).",
                hint, "only the missing setting is named");
        assertFalse(ui.onUi(ui.byId(main, Button.class, HostCertificatesPart.GENERATE_ID)::isEnabled));
        ui.screenshot(main, Path.of("target", "screenshots", "host-certificates-not-configured.png"));
        ui.click(configure);
        Shell settings = ui.waitForShell("Host Services");
        assertEquals("HTTPS", ui.onUi(ui.byId(settings, Combo.class, "host.settings.target")::getText));
        ui.type(ui.byId(settings, Text.class, "host.settings." + HttpsOptions.KEY_FILE), nginx.keyFile().toString());
        ui.click(ui.button(settings, "Save"));
        ui.waitUntil("saved", () -> savedKeyFile().equals(nginx.keyFile().toString()));
        ui.click(ui.button(settings, "Close"));
        ui.waitUntil("Generate enabled again",
                () -> ui.byId(main, Button.class, HostCertificatesPart.GENERATE_ID).isEnabled());
        assertFalse(ui.onUi(configure::isVisible), "no Configure... for a configured service");
    }

    @Test
    void getFromAcmeCaWithoutAnAcmeIssuerSaysWhereToAddOne() throws Exception {
        // only the local CA here: "Get from ACME CA…" offers ACME issuers alone, so it says how to add one; from
        // the table's context menu and from the main menu
        new CommandRobot(ui).contextMenu(certificate, "Get from ACME CA...");
        Shell error = ui.waitForShell("Host Certificates");
        assertTrue(ui.texts(error).stream().anyMatch(text -> text != null && text.startsWith(
                "No ACME issuer is configured: add one in Settings > Issuers (Add ACME issuer...)")),
                ui.texts(error).toString());
        ui.click(ui.button(error, "OK"));
        ui.selectMenu(main, "Host Certificates", "Get from ACME CA...");
        Shell again = ui.waitForShell("Host Certificates");
        assertTrue(ui.texts(again).stream().anyMatch(text -> text != null && text.startsWith("No ACME issuer")),
                ui.texts(again).toString());
        ui.click(ui.button(again, "OK"));
    }

    @Test
    void refreshAndConfigureRunFromAnotherViewAndBringTheHostViewToTheFront() throws Exception {
        EPartService parts = ui.onUi(() -> ((MWindow) main.getData("modelElement")).getContext()
                .get(EPartService.class));
        commands.showView(main, CA_PART);
        // a command on the selected service stays the Host view's, disabled elsewhere as in Eclipse
        assertFalse(menuItemEnabled("Host Certificates", "Generate..."), "Generate from the CA view");
        assertTrue(menuItemEnabled("Host Certificates", "Refresh"), "Refresh from the CA view");

        // Refresh from the CA view: the Host view comes to the front showing what nginx serves now
        String generated = hosts().generate("https").applied().sha256Fingerprint();
        ui.selectMenu(main, "Host Certificates", "Refresh");
        ui.waitUntil("the Host view in front", () -> HOST_PART.equals(activePart(parts)));
        ui.waitUntil("the certificate generated behind the view's back",
                () -> ui.rows(certificate).contains(List.of("SHA-256 fingerprint", generated)));

        // Configure... from the CA view: the Host view in front, the page of the service it shows
        commands.showView(main, CA_PART);
        ui.selectMenu(main, "Host Certificates", "Configure...");
        Shell settings = ui.waitForShell("Host Services");
        assertEquals("HTTPS", ui.onUi(ui.byId(settings, Combo.class, "host.settings.target")::getText));
        assertEquals(HOST_PART, activePart(parts));
        ui.click(ui.button(settings, "Close"));

        // and from the table's context menu
        new CommandRobot(ui).contextMenu(certificate, "Configure...");
        Shell again = ui.waitForShell("Host Services");
        assertEquals("HTTPS", ui.onUi(ui.byId(again, Combo.class, "host.settings.target")::getText));
        ui.click(ui.button(again, "Close"));
    }

    /**
     * Generate and Upload cancelled from the window's progress line while the service's check address (a listener
     * that accepts and then says nothing, as a hung service does) holds the handshake that comes before anything is
     * written: the work stops there, the administrator reads that nothing was changed, and nginx's files are as they
     * were.
     */
    @Test
    void generateAndUploadCancelledFromTheProgressLineWriteNothing() throws Exception {
        byte[] certificateBefore = java.nio.file.Files.readAllBytes(nginx.certificateFile());
        byte[] keyBefore = java.nio.file.Files.readAllBytes(nginx.keyFile());
        TestCa.Issued issued = TestCa.create(work.resolve("ca")).issue(HostIdentity.detect().fqdn());
        String canceled = "Cancelled before anything was written: HTTPS was not changed and serves what it served "
                + "before.";
        Label state = ui.byId(main, Label.class, HostCertificatesPart.STATE_ID);
        try (HoldingListener hung = new HoldingListener()) {
            hosts().configure("https", Map.of(HttpsOptions.CHECK_ADDRESS, "127.0.0.1:" + hung.port()));

            ui.selectMenu(main, "Host Certificates", "Generate...");
            hung.hold();
            ui.clickButtonIn("Generate a Certificate", "Save");
            cancelWhileHeld(hung, org.certbench.host.ui.internal.Messages.Job_generate);
            Shell said = ui.waitForShell("Cancelled");
            assertTrue(ui.texts(said).contains(canceled), ui.texts(said).toString());
            ui.click(ui.button(said, "OK"));
            // the view asked the hung address what it serves after the Cancel: that ends before the Upload
            ui.waitUntil("the view's own handshake over", () -> !ui.onUi(state::getText).startsWith("Reading the "));

            new CommandRobot(ui).contextMenu(certificate, "Upload...");
            Shell upload = ui.waitForShell("Upload a Certificate");
            ui.type(ui.byId(upload, Text.class, "host.upload.certificate"), issued.certificate().toString());
            ui.type(ui.byId(upload, Text.class, "host.upload.key"), issued.key().toString());
            hung.hold();
            ui.click(ui.button(upload, "OK"));
            cancelWhileHeld(hung, org.certbench.host.ui.internal.Messages.Job_upload);
            Shell saidAgain = ui.waitForShell("Cancelled");
            assertTrue(ui.texts(saidAgain).contains(canceled), ui.texts(saidAgain).toString());
            ui.click(ui.button(saidAgain, "OK"));
        } finally {
            hosts().configure("https", Map.of(HttpsOptions.CHECK_ADDRESS, "127.0.0.1:" + nginx.port()));
        }
        assertTrue(java.util.Arrays.equals(certificateBefore, java.nio.file.Files.readAllBytes(nginx.certificateFile())),
                "the certificate file as it was");
        assertTrue(java.util.Arrays.equals(keyBefore, java.nio.file.Files.readAllBytes(nginx.keyFile())),
                "the key file as it was");
        assertEquals("CN=old.example", hosts().show("https").certificate().subject(), "nginx serves what it did");
    }

    /** Presses the progress line's Cancel once the job holds a connection to {@code hung}, then lets it go on. */
    private void cancelWhileHeld(HoldingListener hung, String job) throws Exception {
        Label progress = ui.byId(main, Label.class, ProgressLine.TEXT_ID);
        ui.waitUntil("the job in the progress line", () -> ui.onUi(progress::getText).startsWith(job));
        ui.waitUntil("the handshake before the write held", () -> hung.held() > 0);
        ui.screenshot(main, Path.of("target", "screenshots", "host-apply-progress.png"));
        ui.click(ui.byId(main, Button.class, ProgressLine.CANCEL_ID));
        // the click is queued on the UI thread; this runs after it, so Cancel has been pressed when it returns
        ui.runOnUi(() -> { });
        hung.release();
    }

    private boolean menuItemEnabled(String... path) {
        return ui.onUi(() -> {
            org.eclipse.swt.widgets.Menu menu = main.getMenuBar();
            org.eclipse.swt.widgets.MenuItem found = null;
            for (String step : path) {
                menu.notifyListeners(SWT.Show, new org.eclipse.swt.widgets.Event());
                found = java.util.Arrays.stream(menu.getItems())
                        .filter(item -> item.getText().replace("&", "").split("\t")[0].equals(step))
                        .findFirst().orElseThrow(() -> new AssertionError("no menu item " + step));
                menu = found.getMenu();
            }
            return found.isEnabled();
        });
    }

    private String activePart(EPartService parts) {
        return ui.onUi(() -> parts.getActivePart() == null ? "" : parts.getActivePart().getElementId());
    }
}
