package org.certbench.agents.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.certbench.agents.ui.AgentsView;
import org.certbench.core.StateDirectory;
import org.certbench.testing.servers.HoldingListener;
import org.certbench.ui.progress.ProgressLine;
import org.certbench.ui.status.StatusLook;
import org.certbench.ui.testing.CommandRobot;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Agents view's commands as an Eclipse user reaches them: the Agents menu, the keys, the table's context menu
 * and the seeds' buttons, against two real certbench-agent processes (started once for the class); and a refresh
 * of many agents cancelled from the window's progress line.
 */
class AgentsCommandsUiTest {

    private static final String ALPHA = "cmd-alpha";
    private static final String BETA = "cmd-beta";
    private static final String CA_PART = "org.certbench.truststore.ui.part.certificates";

    @TempDir
    static Path work;

    private static RealAgents agents;

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();
    private final CommandRobot commands = new CommandRobot(ui);
    private final AtomicInteger refreshesDone = new AtomicInteger();

    private final JobChangeAdapter refreshCounter = new JobChangeAdapter() {
        @Override
        public void done(IJobChangeEvent event) {
            if (event.getJob().getName().equals(Messages.Job_refresh) && !event.getJob().isSystem()) {
                refreshesDone.incrementAndGet();
            }
        }
    };

    @AfterEach
    void stopCounting() {
        Job.getJobManager().removeJobChangeListener(refreshCounter);
    }

    /**
     * Waits until no refresh runs or waits: the view refreshes the agents a watcher reports new in Jobs of their own,
     * and one begun for an earlier batch of new files may still run after a later one has shown every agent.
     */
    private void waitUntilNoRefreshRuns() {
        ui.waitUntil("no refresh running", () -> java.util.Arrays.stream(Job.getJobManager().find(null))
                .noneMatch(job -> job.getName().equals(Messages.Job_refresh)));
    }
    private Shell main;
    private Table table;

    @BeforeAll
    static void twoAgents() throws Exception {
        agents = RealAgents.start(work, ALPHA, BETA);
    }

    @AfterAll
    static void stopAgents() throws InterruptedException {
        agents.close();
    }

    @BeforeEach
    void theViewWithBothTrusted() {
        main = ui.waitForShell("CertBench");
        commands.showView(main, AgentsView.PART_ID);
        table = ui.byId(main, Table.class, AgentsPart.TABLE_ID);
        Job.getJobManager().addJobChangeListener(refreshCounter);
        ui.click(ui.byId(main, Button.class, AgentsPart.REFRESH_ID));
        ui.waitUntil("beta trusted", () -> ui.rows(table).stream()
                .anyMatch(row -> row.get(0).equals(BETA) && row.get(2).equals("trusted")));
    }

    @Test
    void eachCommandThroughItsMenuItsKeyAndTheContextMenu() throws Exception {
        // the Agents menu names the keys its commands are bound to
        assertEquals("Refresh\tF5", commands.menuItemText(main, "Agents", "Refresh"));
        String filterItem = commands.menuItemText(main, "Agents", "Filter");
        assertTrue(filterItem.endsWith("+F"), filterItem);
        // Ctrl+C is the table's key (not the filter field's): named while the table has the focus
        // (e4 words the item when the menu opens; the context the table's focus activates may come a moment later)
        String copyItem = commands.menuItemTextWithFocusIn(table, "+C", main, "Agents", "Copy as Text");
        assertTrue(copyItem.endsWith("+C"), copyItem);

        // status at a glance: an icon and the reason column
        int alpha = ui.rowIndex(table, 0, ALPHA);
        assertTrue(ui.onUi(() -> table.getItem(alpha).getImage(AgentColumn.STATUS.ordinal()) != null), "an icon");
        assertEquals("Reason", ui.onUi(() -> table.getColumn(AgentColumn.REASON.ordinal()).getText()));

        // Refresh: through the menu, by F5 and from the view's toolbar (each one more refresh Job run to its end)
        int before = refreshesDone.get();
        ui.selectMenu(main, "Agents", "Refresh");
        ui.waitUntil("a refresh from the menu", () -> refreshesDone.get() > before);
        int afterMenu = refreshesDone.get();
        commands.press(table, SWT.NONE, SWT.F5);
        ui.waitUntil("a refresh from F5", () -> refreshesDone.get() > afterMenu);
        // the toolbar: the seeds' actions with icons, their words (from the bundle's l10n file) as tooltips, to
        // which e4 adds the key of a binding active at the time (Delete only while the table has the focus)
        List<String> tools = ui.onUi(() -> toolItems().stream().map(ToolItem::getToolTipText).toList());
        assertEquals("Refresh (F5)", tools.get(0), tools.toString());
        assertEquals(List.of("Refresh", "Add Agent...", "Trust this certificate", "Manage certificates...", "Remove"),
                tools.stream().map(tip -> tip.replaceFirst(" \\((F5|Delete|Ctrl\\+N)\\)$", "")).toList());
        assertTrue(ui.onUi(() -> toolItems().stream().allMatch(item -> item.getImage() != null)), "icons");
        int afterKey = refreshesDone.get();
        ui.clickWithMouse(ui.onUi(() -> toolItems().get(0)));
        ui.waitUntil("a refresh from the toolbar", () -> refreshesDone.get() > afterKey);

        // Ctrl+F: to the filter; typing there filters, and Delete there stays the field's
        Text filter = ui.byId(main, Text.class, AgentsPart.FILTER_ID);
        commands.press(table, SWT.MOD1, 'f');
        ui.waitUntil("the focus in the filter", () -> ui.onUi(() -> ui.display().getFocusControl() == filter));
        ui.type(filter, BETA);
        ui.waitUntil("only beta shown", () -> ui.rows(table).size() == 1);
        commands.press(filter, SWT.NONE, SWT.DEL);
        assertTrue(ui.findShell(Messages.Remove_title).isEmpty(), "Delete in the filter removes no agent");
        ui.type(filter, "");
        ui.waitUntil("both shown again", () -> ui.rows(table).size() == 2);

        // Ctrl+C: the selected row as text, with the column titles
        ui.selectRows(table, ui.rowIndex(table, 0, ALPHA));
        commands.press(table, SWT.MOD1, 'c');
        String copied = ui.clipboardText();
        List<String> lines = copied.lines().toList();
        assertEquals(2, lines.size(), copied);
        assertTrue(lines.get(0).startsWith("Name\tHost\tStatus\t"), copied);
        assertTrue(lines.get(1).startsWith(ALPHA + "\t127.0.0.1:") && lines.get(1).contains("\ttrusted\t"), copied);

        // the view's panel is the same widget: the selected agent's fields and its certificate's chain
        Table panel = ui.byId(main, Table.class, AgentsPart.CERTIFICATE_ID);
        assertTrue(ui.rows(panel).contains(List.of("Status", "trusted")), ui.rows(panel).toString());
        Table panelChain = ui.byId(main, Table.class, AgentsPart.CHAIN_ID);
        ui.waitUntil("the panel's chain followed", () -> ui.rows(panelChain).stream()
                .anyMatch(row -> row.size() == 4 && row.get(3).equals("self-signed: the root")));

        // Enter: the details of the selected agent
        commands.press(table, SWT.NONE, SWT.CR);
        Shell details = ui.waitForShell("Agent " + ALPHA);
        // the shared details widget: the agent's own fields, then the certificate's as every view shows them
        List<List<String>> fields = ui.rows(ui.byId(details, Table.class, AgentDetailsDialog.FIELDS_ID));
        assertTrue(fields.contains(List.of("Status", "trusted")), fields.toString());
        assertTrue(fields.contains(List.of("Address", agents.fleet.get(ALPHA).address())), fields.toString());
        assertTrue(fields.contains(List.of("Certificate shown", "presented at the last refresh")), fields.toString());
        assertTrue(fields.stream().anyMatch(row -> row.get(0).equals("Key algorithm")), fields.toString());
        assertTrue(fields.stream().anyMatch(row -> row.get(0).equals("Subject alternative names")),
                fields.toString());
        // its Chain tab: the agent's self-signed certificate is its own root, not in the CA certificates
        Table chain = ui.byId(details, Table.class, AgentDetailsDialog.CHAIN_ID);
        ui.waitUntil("the chain followed", () -> ui.rows(chain).stream()
                .anyMatch(row -> row.size() == 4 && row.get(3).equals("self-signed: the root")));
        List<String> root = ui.rows(chain).get(0);
        assertEquals("no", root.get(1), root.toString());
        assertTrue(root.get(2).startsWith("valid until "), root.toString());
        ui.screenshot(details, Path.of("target", "screenshots", "agent-details.png"));
        ui.click(ui.button(details, "Close"));

        // the context menu: the seeds' words, and its Details
        List<String> popup = commands.contextMenu(table);
        assertTrue(popup.containsAll(List.of("Details", "Copy", "Trust this certificate", "Manage certificates...",
                "Add Agent...", "Import Agents from CSV...", "Refresh", "Remove")), popup.toString());
        commands.contextMenu(table, "Details");
        ui.clickButtonIn("Agent " + ALPHA, "Close");

        // Trust this certificate from the menu: it says what it trusts, and Cancel trusts nothing
        ui.selectMenu(main, "Agents", "Trust this certificate");
        Shell trust = ui.waitForShell(Messages.Trust_title);
        assertTrue(ui.texts(trust).stream().anyMatch(text -> text.contains("\n" + ALPHA + ": ")),
                ui.texts(trust).toString());
        ui.click(ui.button(trust, "Cancel"));

        // Manage certificates... from the context menu: the wizard counts in English
        commands.contextMenu(table, "Manage certificates...");
        Shell wizard = ui.waitForShell(Messages.Wizard_title);
        assertTrue(ui.texts(wizard).contains("Manage certificates of 1 agent"), ui.texts(wizard).toString());
        assertTrue(ui.texts(wizard).contains(Messages.Wizard_step2), "step 2 said between 1 and 3");
        ui.screenshot(wizard, Path.of("target", "screenshots", "manage-certificates-choose.png"));
        ui.click(ui.button(wizard, "Cancel"));

        // Add Agent... from the menu opens its dialog: OK waits for name, host and a port in range, said in words
        ui.selectMenu(main, "Agents", "Add Agent...");
        Shell add = ui.waitForShell(Messages.Add_title);
        Button addOk = ui.button(add, "OK");
        assertFalse(ui.onUi(addOk::isEnabled), "OK before a name and a host are given");
        ui.type(ui.byId(add, Text.class, AddAgentDialog.NAME_ID), "gamma");
        ui.type(ui.byId(add, Text.class, AddAgentDialog.HOST_ID), "127.0.0.1");
        ui.type(ui.byId(add, Text.class, AddAgentDialog.PORT_ID), "70000");
        assertTrue(ui.texts(add).stream().anyMatch(text -> text.strip().equals(Messages.Add_badPort)),
                ui.texts(add).toString());
        assertFalse(ui.onUi(addOk::isEnabled), "OK with the port 70000");
        ui.screenshot(add, Path.of("target", "screenshots", "add-agent-bad-port.png"));
        ui.type(ui.byId(add, Text.class, AddAgentDialog.PORT_ID), "9443");
        assertTrue(ui.onUi(addOk::isEnabled), "OK once the fields are valid");
        ui.click(ui.button(add, "Cancel"));
        // Ctrl+N, Eclipse's key for New, adds an agent too; the menu names it
        String addItem = commands.menuItemText(main, "Agents", "Add Agent...");
        assertTrue(addItem.endsWith("+N"), addItem);
        commands.press(table, SWT.MOD1, 'n');
        ui.clickButtonIn(Messages.Add_title, "Cancel");

        // Delete on the table: asked first; Cancel keeps the agent, OK removes it
        commands.press(table, SWT.NONE, SWT.DEL);
        Shell remove = ui.waitForShell(Messages.Remove_title);
        assertTrue(ui.texts(remove).contains("Remove 1 agent from this console? What this console trusts for them is "
                + "forgotten."), ui.texts(remove).toString());
        ui.click(ui.button(remove, "Cancel"));
        assertEquals(2, agents.fleet.list().size());
        ui.screenshot(main, Path.of("target", "screenshots", "agents-view.png"));
        ui.selectMenu(main, "Agents", "Remove");
        ui.clickButtonIn(Messages.Remove_title, "OK");
        ui.waitUntil("alpha removed", () -> ui.rows(table).stream().noneMatch(row -> row.get(0).equals(ALPHA)));
        assertEquals(List.of(BETA), agents.fleet.list().stream().map(entry -> entry.name()).toList());
        // the count below the table in English: one agent is not "agents"
        Label count = ui.byId(main, Label.class, AgentsPart.COUNT_ID);
        ui.waitUntil("1 of 1 agent", () -> ui.onUi(count::getText).equals("1 of 1 agent")
                || ui.onUi(count::getText).startsWith("1 of 1 agent "));
    }

    @Test
    void aRefreshOfManyAgentsCancelledFromTheProgressLineStopsAndSaysWhatWasDone() throws Exception {
        Path inventory = StateDirectory.area("agents");
        Path template = inventory.resolve(BETA + ".agent");
        try (HoldingListener slow = new HoldingListener()) {
            // as a shell adds them: 200 agents behind a listener that closes each connection, or holds it
            String beta = Files.readString(template);
            String betaPort = beta.lines().filter(line -> line.startsWith("port=")).findFirst().orElseThrow();
            for (int i = 0; i < 200; i++) {
                String name = String.format("slow-%03d", i);
                Path temporary = inventory.resolve(name + ".tmp");
                Files.writeString(temporary, beta.replace("name=" + BETA, "name=" + name).replace(betaPort,
                        "port=" + slow.port()));
                Files.move(temporary, inventory.resolve(name + ".agent"),
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            ui.waitUntil("the new agents listed and found unreachable, nobody pressing Refresh", () -> ui.rows(table)
                    .stream().filter(row -> row.get(0).startsWith("slow-") && row.get(2).equals("unreachable"))
                    .count() == 200);
            waitUntilNoRefreshRuns();
            int slowRow = ui.rowIndex(table, 0, "slow-000");
            assertTrue(ui.rows(table).get(slowRow).get(AgentColumn.REASON.ordinal()).contains("127.0.0.1"),
                    "the reason names the address: " + ui.rows(table).get(slowRow));
            // from now on the listener holds each connection open until released: the batch cannot end by itself,
            // every slot of it waits on a slow agent (64 slots, 200 slow agents)
            int connectionsBefore = slow.connections();
            slow.hold();
            ui.click(ui.byId(main, Button.class, AgentsPart.REFRESH_ID));
            Label progress = ui.byId(main, Label.class, ProgressLine.TEXT_ID);
            ui.waitUntil("the refresh in the progress line",
                    () -> ui.onUi(progress::getText).startsWith(Messages.Job_refresh)
                            || ui.onUi(progress::getText).startsWith("Working on"));
            ui.waitUntil("slow agents being asked", () -> slow.connections() > connectionsBefore);
            ui.screenshot(main, Path.of("target", "screenshots", "agents-refresh-progress.png"));
            // pressed with the mouse; it returns once the button has had the click
            ui.clickWithMouse(ui.byId(main, Button.class, ProgressLine.CANCEL_ID));
            // the listener still holds every connection: the Job ends because the cancel closes the connections of the
            // agents being asked, not because they fail or time out; no agent may be asked after them
            Label count = ui.byId(main, Label.class, AgentsPart.COUNT_ID);
            String[] cancelSaid = new String[1];
            ui.waitUntil("the cancel said",
                    () -> (cancelSaid[0] = ui.onUi(count::getText)).contains("Refresh cancelled"));
            String said = cancelSaid[0];
            java.util.regex.Matcher counts = java.util.regex.Pattern
                    .compile("Refresh cancelled: (\\d+) agents? checked, (\\d+) agents? not checked").matcher(said);
            assertTrue(counts.find(), said);
            int asked = Integer.parseInt(counts.group(1));
            int notAsked = Integer.parseInt(counts.group(2));
            assertTrue(notAsked > 0, "agents left unasked by the cancel: " + said);
            assertTrue(asked + notAsked >= 200, "every slow agent asked or not: " + said);
            // the agents in the fleet's 64 slots were held when Cancel was pressed: cut, they count as not checked
            // (waited for until their handshake timeout, each would count as asked); only the two real agents answer
            assertTrue(asked < 64, "the held agents cut, not waited for: " + said);
            // the listener's own account, independent of the Job's: no more connections than the agents the Job says
            // it asked can make (two each at most: a handshake closed before any certificate is tried once more with
            // the JDK's default key exchange groups) and the fleet's 64 slots, whose agents the cancel cut (asked, not
            // answered: they count as not checked and keep their last status), and none after the cancel was said: the
            // next connections the listener sees are those this test makes itself
            int reached = slow.connections() - connectionsBefore;
            assertTrue(reached > 0 && reached <= 2 * asked + 64, "reached " + reached + ", the Job says: " + said);
            slow.release();
            int afterCancel = slow.connections();
            agents.fleet.refresh(List.of("slow-000"), org.certbench.agents.connector.BatchMonitor.NONE);
            int afterOwn = slow.connections();
            assertTrue(afterOwn == afterCancel + 1 || afterOwn == afterCancel + 2,
                    "no connection after the cancel but the test's own: " + afterCancel + " then " + afterOwn);
            ui.screenshot(main, Path.of("target", "screenshots", "agents-refresh-cancelled.png"));
            // an agent added now is asked by itself: that says nothing of the agents the cancel left unasked
            Path late = inventory.resolve("slow-late.tmp");
            Files.writeString(late, beta.replace("name=" + BETA, "name=slow-late").replace(betaPort,
                    "port=" + slow.port()));
            Files.move(late, inventory.resolve("slow-late.agent"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            ui.waitUntil("the late agent listed and found unreachable", () -> ui.rows(table).stream()
                    .anyMatch(row -> row.get(0).equals("slow-late") && row.get(2).equals("unreachable")));
            waitUntilNoRefreshRuns();
            assertTrue(ui.onUi(count::getText).contains("Refresh cancelled"), ui.onUi(count::getText));
            // a refresh of every agent does
            ui.click(ui.byId(main, Button.class, AgentsPart.REFRESH_ID));
            ui.waitUntil("the cancel's note gone after a whole refresh",
                    () -> !ui.onUi(count::getText).contains("Refresh cancelled"));
        } finally {
            for (int i = 0; i < 200; i++) {
                Files.deleteIfExists(inventory.resolve(String.format("slow-%03d.agent", i)));
            }
            Files.deleteIfExists(inventory.resolve("slow-late.agent"));
        }
        ui.waitUntil("the slow agents gone", () -> ui.rows(table).size() <= 2);
    }

    @Test
    void importFromCsvIsAWizardThatPreviewsEveryLineWithItsProblemsAndAddsTheGoodOnesInAJob() throws Exception {
        int betaPort = agents.fleet.get(BETA).port();
        // a port nobody listens on: its line is fine in the preview, and its agent refuses the connection
        int closedPort;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = closed.getLocalPort();
        }
        Path csv = work.resolve("agents.csv");
        Files.writeString(csv, "name,host,port\ncsv-beta,127.0.0.1," + betaPort + "\ncsv-bad,127.0.0.1,99999\n"
                + "only,two\ncsv-closed,127.0.0.1," + closedPort + "\n");
        Path notAgents = work.resolve("not-agents.csv");
        Files.writeString(notAgents, "hello,world\n");
        try {
            ui.selectMenu(main, "Agents", "Import Agents from CSV...");
            Shell wizard = ui.waitForShell(Messages.Import_title);
            Button next = ui.button(wizard, "Next >");
            Button finish = ui.button(wizard, "Finish");
            Text file = ui.byId(wizard, Text.class, ImportAgentsWizard.FILE_ID);
            // page 1: a file that is no list of agents is refused in words, and offers no preview
            ui.type(file, notAgents.toString());
            ui.waitUntil("the refusal", () -> ui.texts(wizard).stream()
                    .anyMatch(text -> text.contains("does not start with the header line name,host,port")));
            assertFalse(ui.onUi(next::isEnabled), "no preview of a refused file");
            ui.type(file, csv.toString());
            ui.waitUntil("the file read", () -> ui.onUi(next::isEnabled));
            assertFalse(ui.onUi(finish::isEnabled), "no import before the preview");
            ui.click(next);

            // page 2: every line, its problems in words, the counts in English
            Table rows = ui.byId(wizard, Table.class, ImportAgentsWizard.ROWS_ID);
            ui.waitUntil("the preview", () -> ui.rows(rows).size() == 4);
            List<List<String>> preview = ui.rows(rows);
            assertEquals(List.of("2", "csv-beta", "127.0.0.1:" + betaPort, "ok"), preview.get(0));
            assertEquals("Line 3: '99999' is not a TCP port (1 to 65535).", preview.get(1).get(3));
            assertEquals("Line 4: 2 fields instead of name,host,port.", preview.get(2).get(3));
            assertEquals(List.of("5", "csv-closed", "127.0.0.1:" + closedPort, "ok"), preview.get(3));
            // (the title area puts a space before a message shown with its icon)
            assertTrue(ui.texts(wizard).stream().map(String::strip)
                    .anyMatch("2 agents to import; 2 lines have a problem and are not imported."::equals),
                    ui.texts(wizard).toString());
            assertTrue(ui.onUi(() -> rows.getItem(1).getImage(3) != null), "a bad line is marked");
            assertTrue(agents.fleet.list().stream().noneMatch(entry -> entry.name().equals("csv-beta")),
                    "a preview adds nothing");
            ui.screenshot(wizard, Path.of("target", "screenshots", "import-agents-csv.png"));
            // the file changes after the preview: Finish imports what the preview showed, the file is not read again
            Files.writeString(csv, "name,host,port\ncsv-changed,127.0.0.1," + betaPort + "\n");

            // Finish: the import runs as a Job; below the table the view counts what was added and what not, and a
            // window gives each line not added with its whole reason (beside the count it was cut at the edge)
            ui.click(finish);
            Shell report = ui.waitForShell(Messages.Import_reportTitle);
            Label count = ui.byId(main, Label.class, AgentsPart.COUNT_ID);
            String said = ui.onUi(count::getText);
            assertTrue(said.endsWith("  Import from agents.csv: 1 agent added, 3 not added."), said);
            assertEquals("Import from agents.csv: 1 agent added, 3 not added.",
                    ui.onUi(ui.byId(report, Label.class, ImportReportDialog.SUMMARY_ID)::getText));
            Text problems = ui.byId(report, Text.class, ImportReportDialog.PROBLEMS_ID);
            List<String> reasons = ui.onUi(problems::getText).lines().toList();
            assertEquals(3, reasons.size(), reasons.toString());
            assertTrue(reasons.contains("Line 3: '99999' is not a TCP port (1 to 65535)."), reasons.toString());
            assertTrue(reasons.contains("Line 4: 2 fields instead of name,host,port."), reasons.toString());
            // the refused connection's reason whole, to its last word (below the table it ended in "refused (is")
            String refused = reasons.stream().filter(reason -> reason.startsWith("Agent 'csv-closed' was not added: "))
                    .findFirst().orElseThrow(() -> new AssertionError(reasons.toString()));
            assertTrue(refused.contains("127.0.0.1:" + closedPort)
                    && refused.endsWith("connection refused (is the agent running on that port?)."), refused);
            // wrapped in the window's width, none cut: the field is as wide as the window and wraps its words
            assertTrue(ui.onUi(() -> (problems.getStyle() & SWT.WRAP) != 0
                    && problems.getSize().x <= report.getClientArea().width), "wrapped within the window");
            ui.screenshot(report, Path.of("target", "screenshots", "import-agents-report.png"));
            ui.click(ui.button(report, "Close"));
            ui.waitUntil("the imported agent listed", () -> ui.rows(table).stream()
                    .anyMatch(row -> row.get(0).equals("csv-beta")));
            assertTrue(agents.fleet.list().stream().noneMatch(entry -> entry.name().equals("csv-changed")),
                    "the line written after the preview is not imported");
        } finally {
            for (String added : List.of("csv-beta", "csv-changed")) {
                if (agents.fleet.list().stream().anyMatch(entry -> entry.name().equals(added))) {
                    agents.fleet.remove(added);
                }
            }
        }
    }

    @Test
    void theStatusMarksReadOnALightAndADarkTable() throws Exception {
        for (boolean dark : new boolean[] { false, true }) {
            Shell shell = ui.onUi(() -> {
                Shell window = new Shell(main, SWT.SHELL_TRIM);
                window.setText(dark ? "dark" : "light");
                window.setLayout(new org.eclipse.swt.layout.FillLayout());
                Table marks = new Table(window, SWT.BORDER | SWT.FULL_SELECTION);
                // both backgrounds set, so that the test reads the same under a light and a dark GTK theme
                marks.setBackground(dark ? new org.eclipse.swt.graphics.Color(0x2D, 0x2D, 0x2D)
                        : new org.eclipse.swt.graphics.Color(0xFF, 0xFF, 0xFF));
                marks.setForeground(dark ? new org.eclipse.swt.graphics.Color(0xEE, 0xEE, 0xEE)
                        : new org.eclipse.swt.graphics.Color(0x1E, 0x1E, 0x1E));
                StatusLook look = new StatusLook(marks);
                new org.eclipse.swt.widgets.TableColumn(marks, SWT.LEFT).setWidth(220);
                for (StatusLook.Mark mark : StatusLook.Mark.values()) {
                    org.eclipse.swt.widgets.TableItem item = new org.eclipse.swt.widgets.TableItem(marks, SWT.NONE);
                    item.setText(mark.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                    item.setImage(look.image(mark));
                    if (look.color(mark) != null) {
                        item.setForeground(look.color(mark));
                    }
                }
                marks.setData("fine", look.color(StatusLook.Mark.FINE).getRGB());
                window.setSize(260, 200);
                window.open();
                return window;
            });
            try {
                ui.settle();
                Table marks = ui.onUi(() -> (Table) shell.getChildren()[0]);
                assertEquals(dark ? new org.eclipse.swt.graphics.RGB(0x3f, 0xb9, 0x50)
                        : new org.eclipse.swt.graphics.RGB(0x1a, 0x7f, 0x37), ui.onUi(() -> marks.getData("fine")),
                        "the colours of the table's theme");
                ui.screenshot(shell, Path.of("target", "screenshots", "status-marks-" + (dark ? "dark" : "light")
                        + ".png"));
            } finally {
                ui.runOnUi(shell::dispose);
            }
        }
    }

    @Test
    void theConsoleCertificateAndAnIssuingCaFromFiles() throws Exception {
        Path console = work.resolve("exported console.pem");
        Path notACertificate = Files.writeString(work.resolve("notes.txt"), "not a certificate\n");
        Path caKey = work.resolve("issuing-ca.key");
        Path ca = work.resolve("issuing-ca.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=Test Issuing CA", "-days", "30", "-keyout",
                caKey.toString(), "-out", ca.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, openssl.waitFor());
        var context = ui.onUi(() -> ((MWindow) main.getData("modelElement")).getContext());
        java.util.Deque<Path> chosen = new java.util.ArrayDeque<>(List.of(console, notACertificate, ca));
        ui.runOnUi(() -> context.set(FileChooser.class,
                (shell, title, extensions, save, fileName) -> chosen.removeFirst().toString()));
        try {
            ui.selectMenu(main, "Agents", "Export Console Certificate...");
            Shell exported = ui.waitForShell(Messages.Console_title);
            assertEquals("certbench-agent console-authorize --file '" + console + "'",
                    ui.onUi(ui.byId(exported, Text.class, ConsoleCertificateDialog.COMMAND_ID)::getText));
            String fingerprint = agents.fleet.consoleCertificate().sha256Fingerprint();
            assertTrue(ui.texts(exported).stream().anyMatch(text -> text.endsWith(fingerprint)),
                    ui.texts(exported).toString());
            assertTrue(Files.readString(console).startsWith("-----BEGIN CERTIFICATE-----"));
            ui.screenshot(exported, Path.of("target", "screenshots", "console-certificate.png"));
            ui.click(ui.button(exported, "Close"));

            ui.selectRows(table, ui.rowIndex(table, 0, BETA));
            ui.selectMenu(main, "Agents", "Trust Issuing CA from File...");
            Shell refused = ui.waitForShell(Messages.IssuingCa_title);
            assertTrue(ui.texts(refused).stream().anyMatch(text -> text.contains(notACertificate.toString())),
                    "the refusal names the file: " + ui.texts(refused));
            ui.click(ui.button(refused, "OK"));

            ui.selectMenu(main, "Agents", "Trust Issuing CA from File...");
            Shell known = ui.waitForShell(Messages.IssuingCa_title);
            assertTrue(ui.texts(known).stream().anyMatch(text -> text.contains("knows the CA CN=Test Issuing CA")),
                    ui.texts(known).toString());
            ui.click(ui.button(known, "OK"));
            // then Trust this certificate for the selection, which shows what it trusts first
            Shell trust = ui.waitForShell(Messages.Trust_title);
            ui.click(ui.button(trust, "Cancel"));
        } finally {
            ui.runOnUi(() -> context.remove(FileChooser.class));
        }
    }

    @Test
    void theCommandsThatNeedNoSelectionRunFromAnotherViewAndBringTheAgentsViewToTheFront() throws Exception {
        Path notACertificate = Files.writeString(work.resolve("not-a-ca.txt"), "not a certificate\n");
        Path console = work.resolve("console-from-ca-view.pem");
        MWindow window = ui.onUi(() -> (MWindow) main.getData("modelElement"));
        EPartService parts = ui.onUi(() -> window.getContext().get(EPartService.class));
        java.util.Deque<Path> chosen = new java.util.ArrayDeque<>(List.of(console, notACertificate));
        ui.runOnUi(() -> window.getContext().set(FileChooser.class,
                (shell, title, extensions, save, fileName) -> chosen.removeFirst().toString()));
        try {
            for (String[] item : new String[][] { { "Add Agent...", Messages.Add_title, "Cancel" },
                    { "Import Agents from CSV...", Messages.Import_title, "Cancel" },
                    { "Export Console Certificate...", Messages.Console_title, "Close" },
                    { "Trust Issuing CA from File...", Messages.IssuingCa_title, "OK" } }) {
                commands.showView(main, CA_PART);
                ui.selectMenu(main, "Agents", item[0]);
                Shell dialog = ui.waitForShell(item[1]);
                assertEquals(AgentsView.PART_ID, ui.onUi(() -> parts.getActivePart().getElementId()),
                        item[0] + " brings the Agents view to the front");
                assertTrue(ui.onUi(table::isVisible), item[0] + ": the agents table shows");
                ui.click(ui.button(dialog, item[2]));
            }
            assertTrue(Files.readString(console).startsWith("-----BEGIN CERTIFICATE-----"), "the console exported");
            assertTrue(chosen.isEmpty(), "Trust Issuing CA asked for its file: " + chosen);

            // Refresh: the Agents view comes to the front and asks every agent again (one more refresh Job run)
            commands.showView(main, CA_PART);
            int before = refreshesDone.get();
            ui.selectMenu(main, "Agents", "Refresh");
            ui.waitUntil("a refresh from the CA view", () -> refreshesDone.get() > before);
            assertEquals(AgentsView.PART_ID, ui.onUi(() -> parts.getActivePart().getElementId()),
                    "Refresh brings the Agents view to the front");
            assertTrue(ui.onUi(table::isVisible), "Refresh: the agents table shows");

            // Filter: the Agents view comes to the front with the cursor in its filter
            commands.showView(main, CA_PART);
            Text filter = ui.byId(main, Text.class, AgentsPart.FILTER_ID);
            // the keyboard is the main window's again after the dialogs above (under Xvfb no window manager gives
            // it back), as it is for an administrator who opens its menu
            ui.runOnUi(main::forceActive);
            ui.waitUntil("the main window active", () -> ui.onUi(() -> ui.display().getActiveShell() == main));
            ui.selectMenu(main, "Agents", "Filter");
            ui.waitUntil("the focus in the agents' filter",
                    () -> ui.onUi(() -> ui.display().getFocusControl() == filter));
            assertEquals(AgentsView.PART_ID, ui.onUi(() -> parts.getActivePart().getElementId()),
                    "Filter brings the Agents view to the front");
        } finally {
            ui.runOnUi(() -> window.getContext().remove(FileChooser.class));
        }
    }

    /** The Agents view's tool items with a tooltip (the view's toolbar; call on the UI thread). */
    private List<ToolItem> toolItems() {
        return ui.findAll(main, ToolBar.class, bar -> true).stream()
                .flatMap(bar -> java.util.Arrays.stream(bar.getItems()))
                .filter(item -> item.getData("modelElement") instanceof org.eclipse.e4.ui.model.application.ui.menu.MToolItem model
                        && model.getElementId().startsWith("org.certbench.agents.ui.toolitem."))
                .toList();
    }
}
