package org.certbench.expiry.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.crypto.Certificate;
import org.certbench.expiry.ContributedCertificate;
import org.certbench.expiry.ExpiryContributor;
import org.certbench.expiry.ExpiryOverview;
import org.certbench.host.HostCertificates;
import org.certbench.testing.pki.OpensslServer;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.TrustStore;
import org.certbench.ui.testing.CommandRobot;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.osgi.util.NLS;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.accessibility.ACC;
import org.eclipse.swt.accessibility.Accessible;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.accessibility.AccessibleListener;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Expiry view as an administrator uses it, over the real services of the test runtime: a CA of the trust store
 * (60 days left), the https host service serving a certificate (20 days, openssl s_server), a real agent as seen at
 * its last refresh, a plug-in's row (10 days). Opened from Window > Show View; filter, the timeline's click and keys
 * (with what a screen reader is told), export, double-click; screenshots for a person to look at.
 */
class ExpiryViewUiTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The shell's columns (expiry:list --csv), which the view's export writes too. */
    private static final List<String> COLUMNS = org.certbench.expiry.internal.commands.ExpiryLine.COLUMNS;

    @TempDir
    Path work;

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();
    private final BundleContext context = FrameworkUtil.getBundle(ExpiryViewUiTest.class).getBundleContext();
    private OpensslServer https;
    private AgentProcess agent;
    private ServiceRegistration<ExpiryContributor> contribution;
    private HostCertificates host;
    private AgentFleet fleet;
    private TrustStore trustStore;

    @AfterEach
    void stop() throws Exception {
        if (contribution != null) {
            contribution.unregister();
        }
        if (host != null) {
            Map<String, String> unset = new HashMap<>();
            for (String key : List.of("certificate.file", "key.file", "reload.command", "check.address")) {
                unset.put(key, "");
            }
            host.configure("https", unset);
        }
        if (fleet != null && fleet.list().stream().anyMatch(entry -> entry.name().equals("db01"))) {
            fleet.remove("db01");
        }
        if (trustStore != null) {
            for (CaEntry entry : trustStore.list()) {
                trustStore.delete(entry.id());
            }
        }
        if (agent != null) {
            agent.close();
        }
        if (https != null) {
            https.close();
        }
    }

    @Test
    void everyKindInOneTableFilteredByTextAndByTheTimelineExportedAndOpenedInItsOwnView() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        certificatesOfEveryKind(now);
        Shell main = ui.waitForShell("CertBench");

        ui.selectMenu(main, "Window", "Show View", "Expiry");

        Table table = ui.byId(main, Table.class, ExpiryPart.TABLE_ID);
        ui.waitUntil("rows of every kind", () -> ui.rows(table).size() == 4);
        List<List<String>> rows = ui.rows(table);
        assertEquals(List.of("haproxy-like", "Host", "CA", "Agent"), rows.stream().map(row -> row.get(0)).toList(),
                "fewest days left first: " + rows);
        assertEquals(List.of("web role", "HTTPS", "Expiry Root", "db01"),
                rows.stream().map(row -> row.get(1)).toList());
        List<String> hostRow = rows.get(1);
        assertEquals("CN=www.expiry.test", hostRow.get(ExpiryColumn.SUBJECT.ordinal()));
        assertEquals("19", hostRow.get(ExpiryColumn.DAYS_LEFT.ordinal()));
        assertEquals("Expires within 30 days", hostRow.get(ExpiryColumn.STATUS.ordinal()));
        assertEquals("", hostRow.get(ExpiryColumn.AS_OF.ordinal()), "a host's certificate is read as listed");
        assertTrue(!rows.get(3).get(ExpiryColumn.AS_OF.ordinal()).isEmpty(), "an agent's row is as of its refresh");
        ui.screenshot(main, SCREENSHOTS.resolve("expiry-view.png"));

        // the view's commands, each through the table's context menu and its key
        CommandRobot commands = new CommandRobot(ui);
        ui.runOnUi(table::deselectAll);
        assertEquals(List.of("Show Certificate (disabled)", "Copy (disabled)", "Filter"), commands.contextMenu(table));
        ui.selectRows(table, 1, 2);
        assertEquals(List.of("Show Certificate (disabled)", "Copy", "Filter"), commands.contextMenu(table),
                "Show Certificate wants one row");
        String header = String.join("\t", ui.onUi(() -> java.util.Arrays.stream(table.getColumns())
                .map(org.eclipse.swt.widgets.TableColumn::getText).toList()));
        List<String> copied = List.of(header, String.join("\t", rows.get(1)), String.join("\t", rows.get(2)));
        ui.runOnUi(() -> clipboard(""));
        commands.press(table, SWT.MOD1, 'c');
        assertEquals(copied, ui.onUi(ExpiryViewUiTest::clipboard).lines().toList(), "Ctrl+C");
        ui.runOnUi(() -> clipboard(""));
        commands.contextMenu(table, "Copy");
        assertEquals(copied, ui.onUi(ExpiryViewUiTest::clipboard).lines().toList(), "the context menu's Copy");
        Text filterText = ui.byId(main, Text.class, ExpiryPart.FILTER_ID);
        commands.press(table, SWT.MOD1, 'f');
        ui.waitUntil("Ctrl+F to focus the filter", filterText::isFocusControl);
        commands.focus(table);
        commands.contextMenu(table, "Filter");
        ui.waitUntil("Filter to focus the filter", filterText::isFocusControl);
        ui.runOnUi(table::deselectAll);

        Text filter = ui.byId(main, Text.class, ExpiryPart.FILTER_ID);
        ui.type(filter, "expiry root");
        assertEquals(List.of("Expiry Root"), names(table));
        ui.type(filter, "");
        assertEquals(4, names(table).size());

        Canvas canvas = ui.byId(main, Canvas.class, Timeline.ID);
        Timeline timeline = ui.onUi(() -> (Timeline) canvas.getData(Timeline.class.getName()));
        int hostWeek = 19 / 7;
        click(canvas, ui.onUi(() -> timeline.center(hostWeek)));
        assertEquals(List.of("HTTPS"), names(table), "the bar of the host certificate's week");
        assertTrue(ui.texts(main).stream().anyMatch(text -> text.startsWith("Only the certificates expiring")));
        ui.screenshot(main, SCREENSHOTS.resolve("expiry-view-one-week.png"));
        click(canvas, ui.onUi(() -> timeline.center(hostWeek)));
        assertEquals(4, names(table).size(), "the same bar again shows all");
        assertNull(ui.onUi(timeline::selection));

        // the same by keyboard: Tab from the filter reaches the timeline, named for screen readers
        ui.key(filter, SWT.TAB);
        assertTrue(ui.onUi(canvas::isFocusControl), "Tab from the filter: the timeline");
        assertEquals("Expiry timeline: certificates expiring per week over the coming year",
                accessible(canvas, AccessibleListener::getName));
        assertTrue(accessible(canvas, AccessibleListener::getHelp).startsWith("Left and Right arrows: the previous"));
        assertTrue(accessible(canvas, AccessibleListener::getDescription).startsWith("No week selected."));
        ui.key(canvas, SWT.ARROW_DOWN);
        ui.key(canvas, SWT.ARROW_DOWN);
        assertEquals(List.of("HTTPS"), selectedNames(table), "Down, Down: the second row");
        ui.key(canvas, SWT.ARROW_UP);
        assertEquals(List.of("web role"), selectedNames(table));
        ui.key(canvas, SWT.ARROW_RIGHT);
        assertEquals(List.of("web role"), names(table), "Right: the first week with certificates");
        assertEquals(List.of("web role"), selectedNames(table), "its first row selected");
        assertEquals(ui.onUi(() -> timeline.describe(1)), accessible(canvas, AccessibleListener::getDescription));
        ui.key(canvas, SWT.ARROW_RIGHT);
        assertEquals(List.of("HTTPS"), names(table), "the next week with certificates, the empty ones skipped");
        ui.screenshot(main, SCREENSHOTS.resolve("expiry-timeline-keyboard.png"));
        ui.key(canvas, SWT.ESC);
        assertEquals(4, names(table).size(), "Escape: every week again");
        assertNull(ui.onUi(timeline::selection));
        assertTrue(ui.onUi(table::isFocusControl), "Escape: back to the table");
        ui.key(canvas, SWT.ARROW_LEFT);
        assertTrue(ui.onUi(timeline::selection) >= 59 / 7, "Left with no week: the last week with certificates");
        ui.key(canvas, SWT.HOME);
        ui.key(canvas, SWT.ARROW_RIGHT);
        ui.key(canvas, SWT.ARROW_RIGHT);
        assertEquals(List.of("Expiry Root"), names(table), "Home, Right, Right: the CA certificate's week");
        ui.key(canvas, SWT.CR);
        Table caTable = ui.byId(main, Table.class, "ca.table");
        ui.waitUntil("Enter: the CA view with the certificate selected",
                () -> caTable.isVisible() && selectedNames(caTable, 0).equals(List.of("Expiry Root")));
        ui.key(canvas, SWT.ESC);
        assertEquals(4, names(table).size());

        // Expiry > Export Expiry Overview...: the file named in GTK's own file chooser, as a person names it there
        Path csv = Files.createDirectories(work.resolve("exported")).resolve("expiry.csv");
        CompletableFuture<Void> menu = CompletableFuture.runAsync(() -> ui.selectMenu(main, "Expiry",
                "Export Expiry Overview..."));
        nameInTheFileChooser(Messages.Export_title, csv);
        menu.get(30, TimeUnit.SECONDS);
        Shell done = ui.waitForShell(Messages.Export_doneTitle);
        assertTrue(ui.texts(done).contains("The 4 certificates of the overview were written to " + csv + "."),
                ui.texts(done).toString());
        ui.click(ui.button(done, "OK"));
        List<List<String>> parsed = parsedCsv(csv);
        assertEquals(COLUMNS, parsed.get(0), "the columns of expiry:list --csv");
        assertEquals(List.of("kind", "name", "status", "daysLeft", "notAfter", "notBefore", "subject", "issuer", "asOf",
                "usedAt", "id", "sha256"), parsed.get(0));
        assertEquals(5, parsed.size(), "a header and a line per certificate: " + parsed);
        assertEquals(List.of("haproxy-like", "web role", "within_30_days", "9"), parsed.get(1).subList(0, 4));
        assertEquals(List.of("host", "HTTPS", "within_30_days", "19"), parsed.get(2).subList(0, 4));
        assertEquals("CN=www.expiry.test", parsed.get(2).get(COLUMNS.indexOf("subject")));
        assertEquals(List.of("ca", "Expiry Root", "fine", "59"), parsed.get(3).subList(0, 4));
        assertEquals("db01", parsed.get(4).get(1));
        assertTrue(!parsed.get(4).get(COLUMNS.indexOf("asOf")).isEmpty(), "an agent's line is as of");

        // a failed export says why, in the product's words, and leaves no file
        Path real = Files.createDirectories(work.resolve("real"));
        Path link = Files.createSymbolicLink(work.resolve("link"), real);
        Path refused = link.resolve("expiry.csv");
        ExpiryOverview overview = service(ExpiryOverview.class);
        ui.onUi(() -> ExpiryExport.schedule(overview, refused, main)).join();
        Shell failed = ui.waitForShell(Messages.Error_title);
        String expected = "The overview could not be written to " + refused + ": " + link
                + " is a symbolic link: CertBench writes no file into a directory behind a link";
        assertTrue(ui.texts(failed).stream().anyMatch(text -> text.startsWith(expected)), ui.texts(failed).toString());
        ui.click(ui.button(failed, "OK"));
        try (var left = Files.list(real)) {
            assertEquals(List.of(), left.toList(), "nothing written behind the link");
        }

        // a plug-in's row: no view for its kind, said in words; then a view tagged for the kind opens
        ui.selectMenu(main, "Window", "Show View", "Expiry");
        ui.selectRows(table, 0);
        commands.defaultSelection(table);
        Label notice = ui.byId(main, Label.class, ExpiryPart.NOTICE_ID);
        assertEquals("Nothing to open for \"web role\": the plug-in that lists the certificates of kind"
                + " \"haproxy-like\" offers no view of them. Everything CertBench knows of it is in this row.",
                ui.onUi(notice::getText));
        assertTrue(ui.onUi(notice::isVisible), "shown below the table");
        ui.screenshot(main, SCREENSHOTS.resolve("expiry-plugin-without-view.png"));
        MPartDescriptor pluginView = ui.onUi(() -> {
            MWindow window = (MWindow) main.getData("modelElement");
            MPartDescriptor descriptor = window.getContext().get(EModelService.class)
                    .createModelElement(MPartDescriptor.class);
            descriptor.setElementId("test.plugin.view");
            descriptor.setLabel("Plug-in view");
            descriptor.setContributionURI("bundleclass://org.certbench.expiry.ui/" + PluginViewStandIn.class.getName());
            descriptor.getTags().add(CertificateOpener.KIND_TAG + "haproxy-like");
            window.getContext().get(MApplication.class).getDescriptors().add(descriptor);
            return descriptor;
        });
        try {
            ui.selectRows(table, 0);
            assertTrue(!ui.onUi(notice::getVisible), "another selection: the notice is gone");
            commands.defaultSelection(table); // Enter
            Label asked = ui.byId(main, Label.class, PluginViewStandIn.ASKED_ID);
            ui.waitUntil("the plug-in's view, asked for the frontend", () -> asked.isVisible()
                    && asked.getText().equals("haproxy-like web"));
            assertTrue(!ui.onUi(notice::getVisible));
        } finally {
            ui.runOnUi(() -> ((MWindow) main.getData("modelElement")).getContext().get(MApplication.class)
                    .getDescriptors().remove(pluginView));
        }

        ui.selectMenu(main, "Window", "Show View", "Expiry");
        ui.selectRows(table, 1);
        commands.contextMenu(table, "Show Certificate");
        Combo target = ui.byId(main, Combo.class, "host.target");
        ui.waitUntil("the Host Certificates view on the https service", () -> target.isVisible());
        assertEquals("HTTPS", ui.onUi(target::getText));

        // Settings > Expiry: the plug-in's kind beside the built-in ones; Save stores in a Job, then closes
        ui.selectMenu(main, "Settings", "Expiry...");
        Shell settings = ui.waitForShell(Messages.Settings_title);
        Text pluginKind = ui.byId(settings, Text.class, ExpirySettingsDialog.FIELD_ID_PREFIX + "haproxy-like");
        assertEquals("30, 7, 1", ui.onUi(pluginKind::getText));
        try {
            // a typo: named in words, Save withheld until it is mended
            ui.type(pluginKind, "20, 5x");
            String typo = NLS.bind(Messages.Settings_notDays, KindNames.of("haproxy-like"), "5x");
            assertTrue(ui.texts(settings).stream().anyMatch(text -> text.strip().equals(typo)),
                    ui.texts(settings).toString());
            assertFalse(ui.onUi(ui.button(settings, "Save")::isEnabled), "Save with a typo");
            ui.screenshot(settings, Path.of("target", "screenshots", "expiry-settings-typo.png"));
            ui.type(pluginKind, "20, 5");
            ui.click(ui.button(settings, "Save"));
            ui.waitUntil("saved by its Job, then closed", settings::isDisposed);
            assertEquals(List.of(20, 5), overview.thresholds("haproxy-like"));
        } finally {
            overview.setThresholds("haproxy-like", List.of());
        }
    }

    private void certificatesOfEveryKind(Instant now) throws Exception {
        Path caFile = work.resolve("root.pem");
        Files.writeString(caFile, PkiFixtures.pem(PkiFixtures.certificate("CN=Expiry Root").ca(true)
                .validity(now.minus(Duration.ofDays(400)), now.plus(Duration.ofDays(60))).build()));
        KeyPair hostKey = PkiFixtures.ec();
        byte[] hostDer = PkiFixtures.certificate("CN=www.expiry.test").key(hostKey).dns("www.expiry.test")
                .validity(now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(20))).build();
        Certificate plugin = Certificate.fromDer(PkiFixtures.certificate("CN=web.expiry.test")
                .validity(now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(10))).build(), "plugin");
        https = OpensslServer.start(Files.createDirectories(work.resolve("https")), hostKey, hostDer, List.of());
        trustStore = service(TrustStore.class);
        trustStore.importCertificate(caFile);
        host = service(HostCertificates.class);
        host.configure("https", Map.of("certificate.file", work.resolve("https/server.crt").toString(),
                "key.file", work.resolve("https/server.key").toString(), "reload.command", "true",
                "check.address", "127.0.0.1:" + https.port()));
        fleet = service(AgentFleet.class);
        Path consolePem = work.resolve("console.pem");
        fleet.exportConsoleCertificate(consolePem);
        agent = AgentProcess.start(work.resolve("agent-db01"));
        agent.authorize(consolePem);
        fleet.add("db01", "127.0.0.1", agent.port, null);
        assertNotNull(fleet.refresh(List.of("db01"), BatchMonitor.NONE).values().get(0).certificate());
        contribution = context.registerService(ExpiryContributor.class, new ExpiryContributor() {
            @Override
            public String kind() {
                return "haproxy-like";
            }

            @Override
            public List<ContributedCertificate> certificates() {
                return List.of(new ContributedCertificate("web", "web role", "a plug-in's frontend", plugin, null));
            }
        }, null);
    }

    private List<String> names(Table table) {
        ui.settle();
        return ui.rows(table).stream().map(row -> row.get(ExpiryColumn.NAME.ordinal())).toList();
    }

    private List<String> selectedNames(Table table) {
        return selectedNames(table, ExpiryColumn.NAME.ordinal());
    }

    private List<String> selectedNames(Table table, int column) {
        return ui.onUi(() -> java.util.Arrays.stream(table.getSelection()).map(item -> item.getText(column)).toList());
    }

    /** What a screen reader is told: the canvas's accessible listeners asked as SWT asks them for the platform. */
    private String accessible(Canvas canvas, BiConsumer<AccessibleListener, AccessibleEvent> question) {
        return ui.onUi(() -> {
            Accessible accessible = canvas.getAccessible();
            AccessibleEvent event = new AccessibleEvent(accessible);
            event.childID = ACC.CHILDID_SELF;
            try {
                // SWT keeps them to itself: there is no getter, and the platform's side cannot be driven here
                java.lang.reflect.Field field = Accessible.class.getDeclaredField("accessibleListeners");
                field.setAccessible(true);
                for (Object listener : (List<?>) field.get(accessible)) {
                    question.accept((AccessibleListener) listener, event);
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            return event.result;
        });
    }

    private void click(Canvas canvas, Point point) {
        ui.runOnUi(() -> {
            Event event = new Event();
            event.button = 1;
            event.x = point.x;
            event.y = point.y;
            canvas.notifyListeners(SWT.MouseDown, event);
        });
    }

    /**
     * Names {@code file} in the file chooser titled {@code title} as a person does, with real key strokes (xdotool,
     * XTEST): GTK's chooser is no SWT shell the robot could reach. The chooser focused, its name field replaced by
     * the whole path, Enter.
     */
    private static void nameInTheFileChooser(String title, Path file) throws Exception {
        List<String> found = xdotool("search", "--sync", "--onlyvisible", "--name", "^" + title + "$").lines()
                .filter(line -> !line.isBlank()).toList();
        String chooser = found.get(found.size() - 1).strip();
        xdotool("windowfocus", "--sync", chooser);
        xdotool("key", "--clearmodifiers", "ctrl+a");
        xdotool("type", "--delay", "5", file.toString());
        xdotool("key", "Return");
    }

    private static String xdotool(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/xdotool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = process.waitFor(30, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ended && process.exitValue() == 0, command + " (in 30 s): " + output);
        return output;
    }

    /** Read back by Python's csv module, as a spreadsheet or a script would read it. */
    private static List<List<String>> parsedCsv(Path file) throws Exception {
        Process python = new ProcessBuilder("python3", "-c",
                "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='')))))",
                file.toString()).redirectErrorStream(true).start();
        String json = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(30, TimeUnit.SECONDS) && python.exitValue() == 0, json);
        return org.certbench.core.JsonReader.parse(json) instanceof List<?> lines ? lines.stream()
                .map(line -> ((List<?>) line).stream().map(String::valueOf).toList()).toList() : List.of();
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T found = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
        assertNotNull(found, type.getName());
        return found;
    }

    private static String clipboard() {
        org.eclipse.swt.dnd.Clipboard clipboard = new org.eclipse.swt.dnd.Clipboard(
                org.eclipse.swt.widgets.Display.getCurrent());
        try {
            Object text = clipboard.getContents(org.eclipse.swt.dnd.TextTransfer.getInstance());
            return text == null ? "" : (String) text;
        } finally {
            clipboard.dispose();
        }
    }

    private static void clipboard(String text) {
        org.eclipse.swt.dnd.Clipboard clipboard = new org.eclipse.swt.dnd.Clipboard(
                org.eclipse.swt.widgets.Display.getCurrent());
        try {
            // an empty text cannot be set: a space stands for nothing copied
            clipboard.setContents(new Object[] { text.isEmpty() ? " " : text },
                    new org.eclipse.swt.dnd.Transfer[] { org.eclipse.swt.dnd.TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }
}
