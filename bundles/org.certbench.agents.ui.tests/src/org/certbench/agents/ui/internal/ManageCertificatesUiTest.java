package org.certbench.agents.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.crypto.Certificates;
import org.certbench.issuers.Issuers;
import org.certbench.ui.testing.CommandRobot;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Agents view and the Manage certificates wizard against two real certbench-agent processes, ui-beta reached
 * through a relay the tests can lose it on.
 */
class ManageCertificatesUiTest {

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();

    private final CommandRobot commands = new CommandRobot(ui);

    @TempDir
    Path work;

    private RealAgents agents;
    private AgentFleet fleet;
    private Shell main;
    private Table table;

    @BeforeEach
    void twoTrustedAgents() throws Exception {
        agents = RealAgents.start(work, List.of("ui-beta"), "ui-alpha", "ui-beta");
        fleet = agents.fleet;
        main = ui.waitForShell("CertBench");
        commands.showView(main, "org.certbench.agents.ui.part.agents");
        table = ui.byId(main, Table.class, AgentsPart.TABLE_ID);
        ui.click(ui.byId(main, Button.class, AgentsPart.REFRESH_ID));
        ui.waitUntil("both agents trusted", () -> ui.rows(table).stream()
                .filter(row -> row.get(0).startsWith("ui-") && row.get(2).equals("trusted")).count() == 2);
    }

    @AfterEach
    void stopAgents() throws InterruptedException {
        agents.close();
    }

    @Test
    void severalAgentsShowOnlyTheirCommonFieldsAndTheWizardRekeysBothAndRetriesNothing() throws Exception {
        String alphaBefore = fingerprintOf("ui-alpha");
        ui.selectRows(table, 0, 1);
        List<List<String>> common = ui.rows(ui.byId(main, Table.class, AgentsPart.CERTIFICATE_ID));
        assertTrue(common.stream().noneMatch(row -> row.get(0).equals("SHA-256 fingerprint")),
                "fingerprints differ, so they are left out: " + common);
        assertTrue(common.contains(List.of("Status", "trusted")), common.toString());

        ui.click(ui.byId(main, Button.class, AgentsPart.MANAGE_ID));
        Shell wizard = ui.waitForShell(Messages.Wizard_title);
        ui.click(ui.byId(wizard, Button.class, ChoosePathPage.SELF_SIGNED_ID));
        ui.click(ui.button(wizard, "Next >"));
        ui.click(ui.byId(wizard, Button.class, SelfSignedPage.REKEY_ID));
        ui.click(ui.byId(wizard, Button.class, SelfSignedPage.APPLY_ID));
        Table results = ui.byId(wizard, Table.class, SelfSignedPage.RESULTS_ID);
        ui.waitUntil("a result per agent", () -> results.getItemCount() == 2);
        Button close = ui.button(wizard, "Close");
        ui.waitUntil("the wizard ready again", () -> ui.onUi(close::isEnabled));
        ui.screenshot(wizard, Path.of("target", "screenshots", "manage-certificates-self-signed.png"));

        assertTrue(ui.rows(results).stream().allMatch(row -> row.get(1).equals("succeeded")), ui.rows(results).toString());
        assertTrue(ui.rows(results).stream().allMatch(row -> row.get(2).startsWith("rekeyed, SHA-256 ")),
                ui.rows(results).toString());
        assertEquals(false, ui.onUi(ui.byId(wizard, Button.class, SelfSignedPage.RETRY_ID)::isEnabled));
        ui.click(ui.button(wizard, "Close"));
        assertNotEquals(alphaBefore, fingerprintOf("ui-alpha"), "a new key and certificate");
        ui.waitUntil("both still trusted after the refresh", () -> ui.rows(table).stream()
                .filter(row -> row.get(2).equals("trusted")).count() == 2);
    }

    @Test
    void issueWithTheLocalCaSignsAndAppliesForBothAndTheyBecomeThisConsolesToRenewAndALostAgentsNoteIsShown()
            throws Exception {
        int due = AgentColumn.RENEWAL_DUE.ordinal();
        ui.waitUntil("the renewal due column filled", () -> ui.rows(table).stream()
                .allMatch(row -> row.get(due).equals("not by this console")));
        String alphaBefore = fingerprintOf("ui-alpha");
        Issuers issuers = RealAgents.service(Issuers.class);
        Path caKey = work.resolve("broken-ca.key");
        Path caFile = work.resolve("broken-ca.pem");
        Process ca = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=Broken CA", "-days", "30", "-keyout",
                caKey.toString(), "-out", caFile.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, ca.waitFor());
        issuers.addCommand("broken", Certificates.read(caFile).certificate(), List.of("false", "{csr}", "{cert}"));
        try {
            issueWithBrokenThenLocal(alphaBefore, due);
        } finally {
            issuers.remove("broken");
        }
    }

    private void issueWithBrokenThenLocal(String alphaBefore, int due) throws Exception {
        ui.selectRows(table, 0, 1);
        ui.click(ui.byId(main, Button.class, AgentsPart.MANAGE_ID));
        Shell wizard = ui.waitForShell(Messages.Wizard_title);
        ui.click(ui.byId(wizard, Button.class, ChoosePathPage.ISSUE_ID));
        ui.click(ui.button(wizard, "Next >"));
        Combo issuer = ui.byId(wizard, Combo.class, IssuePage.ISSUER_ID);
        ui.waitUntil("the issuers listed", () -> ui.onUi(() -> java.util.Arrays.asList(issuer.getItems()))
                .containsAll(List.of("broken", "local")));
        Table results = ui.byId(wizard, Table.class, IssuePage.RESULTS_ID);
        Button close = ui.button(wizard, "Close");

        // an issuer that fails: each agent keeps its certificate, the reason is its result
        ui.select(issuer, "broken");
        ui.click(ui.byId(wizard, Button.class, IssuePage.ISSUE_ID));
        ui.waitUntil("a result per agent", () -> agentRows(results).size() == 2);
        ui.waitUntil("the wizard ready again", () -> ui.onUi(close::isEnabled));
        assertTrue(agentRows(results).stream().allMatch(row -> row.get(1).equals("failed")
                && row.get(2).contains("The command issuer broken failed (exit status 1)")),
                ui.rows(results).toString());
        // marked as a refusal is marked everywhere: the cross, in the red chosen for a light background
        assertTrue(ui.onUi(() -> results.getItem(0).getImage(1) != null), "the outcome's icon");
        assertEquals(new org.eclipse.swt.graphics.RGB(0xcf, 0x22, 0x2e),
                ui.onUi(() -> results.getItem(0).getForeground(1).getRGB()));
        assertTrue(ui.onUi(ui.byId(wizard, Button.class, IssuePage.RETRY_ID)::isEnabled));
        assertEquals(alphaBefore, fingerprintOf("ui-alpha"), "still on its own certificate");

        // with a new key each; ui-beta is lost after the handshake that confirms its new pair (the session that
        // sent it the certificate, then the confirming handshake), so it cannot be told to forget its previous key.
        // The view's own status check of ui-beta, which the inventory change before that handshake starts, comes
        // after it: the console connects at once, the view only after a Job, the UI thread and another Job
        ui.select(issuer, "local");
        ui.click(ui.byId(wizard, Button.class, IssuePage.REKEY_ID));
        agents.relay("ui-beta").letThrough(2);
        ui.click(ui.byId(wizard, Button.class, IssuePage.RETRY_ID));
        ui.waitUntil("the retried agents' results", () -> agentRows(results).stream()
                .noneMatch(row -> row.get(1).equals("failed")));
        ui.waitUntil("the wizard ready again", () -> ui.onUi(close::isEnabled));
        ui.screenshot(wizard, Path.of("target", "screenshots", "manage-certificates-issue.png"));

        String issued = "issued by local, valid to \\d{4}-\\d{2}-\\d{2}, SHA-256 [0-9A-F:]{95}";
        List<List<String>> rows = agentRows(results);
        assertEquals(2, rows.size(), ui.rows(results).toString());
        assertTrue(rows.stream().allMatch(row -> row.get(1).equals("succeeded")), rows.toString());
        assertTrue(detailsOf(rows, "ui-alpha").matches(issued), rows.toString());
        // the note agent:renew and renewal:run show is not dropped: it comes first in the details, where the column
        // shows it, the whole details show where the pointer rests, and the summary counts it
        String noted = detailsOf(rows, "ui-beta");
        assertTrue(noted.matches("Note: The new key and certificate are in use and confirmed, but the agent could not "
                + "be told to forget its previous key \\(.+\\); it forgets it at its next key switch\\. Result: "
                + issued), rows.toString());
        assertEquals(noted, hoverOver(results, agentRows(results).indexOf(List.of("ui-beta", "succeeded", noted))));
        Label summary = ui.byId(wizard, Label.class, IssuePage.RESULTS_ID + ".summary");
        assertEquals("2 succeeded (1 with a note: see Details), 0 failed, 0 not done.", ui.onUi(summary::getText));
        assertEquals(false, ui.onUi(ui.byId(wizard, Button.class, IssuePage.RETRY_ID)::isEnabled));
        agents.relay("ui-beta").listenAgain();
        ui.click(close);
        assertNotEquals(alphaBefore, fingerprintOf("ui-alpha"));
        assertFalse(fleet.status("ui-beta").certificate().isSelfSigned(), "issued by the console's CA");
        ui.waitUntil("both trusted, this console's to renew on a day", () -> ui.rows(table).stream()
                .filter(row -> row.get(2).equals("trusted") && row.get(due).matches("\\d{4}-\\d{2}-\\d{2}"))
                .count() == 2);
        ui.screenshot(main, Path.of("target", "screenshots", "agents-renewal-due.png"));
    }

    /** Rests the pointer on the details of row {@code index}; the table's tooltip then. */
    private String hoverOver(Table table, int index) {
        assertTrue(index >= 0, "no such row");
        ui.runOnUi(() -> {
            Rectangle cell = table.getItem(index).getBounds(2);
            Event hover = new Event();
            hover.x = cell.x + cell.width / 2;
            hover.y = cell.y + cell.height / 2;
            table.notifyListeners(SWT.MouseHover, hover);
        });
        return ui.onUi(table::getToolTipText);
    }

    private static String detailsOf(List<List<String>> rows, String agent) {
        return rows.stream().filter(row -> row.get(0).equals(agent)).findFirst().orElseThrow().get(2);
    }

    /** The results' rows of agents (a batch's notices follow them with an empty agent cell). */
    private List<List<String>> agentRows(Table results) {
        return ui.rows(results).stream().filter(row -> !row.get(0).isEmpty()).toList();
    }

    @Test
    void theWizardGeneratesACsrPerAgentNamedAfterIt() throws Exception {
        Path directory = Files.createDirectories(work.resolve("csrs"));
        ui.selectRows(table, 0, 1);
        ui.click(ui.byId(main, Button.class, AgentsPart.MANAGE_ID));
        Shell wizard = ui.waitForShell(Messages.Wizard_title);
        ui.click(ui.button(wizard, "Next >"));
        ui.type(ui.byId(wizard, Text.class, CsrPage.DIRECTORY_ID), directory.toString());
        ui.type(ui.byId(wizard, Text.class, CsrPage.ORGANIZATION_ID), "CertBench Tests");
        ui.click(ui.byId(wizard, Button.class, CsrPage.GENERATE_ID));
        Table results = ui.byId(wizard, Table.class, CsrPage.RESULTS_ID);
        ui.waitUntil("a result per agent", () -> results.getItemCount() == 2);

        assertTrue(Files.isRegularFile(directory.resolve("ui-alpha.csr")));
        assertTrue(Files.readString(directory.resolve("ui-beta.csr")).startsWith("-----BEGIN CERTIFICATE REQUEST-----"));
        ui.click(ui.button(wizard, "Close"));
    }

    @Test
    void anAgentAShellAddsOrRemovesShowsWithoutRefresh() throws Exception {
        Path inventory = org.certbench.core.StateDirectory.area("agents");
        Path alpha = inventory.resolve("ui-alpha.agent");
        assertTrue(Files.isRegularFile(alpha), "the inventory's file of ui-alpha: " + alpha);
        Path gamma = inventory.resolve("ui-gamma.agent");
        // as a shell beside the workbench adds one: a whole file renamed into place (the same agent, another name)
        Path temporary = inventory.resolve("ui-gamma.tmp");
        Files.writeString(temporary, Files.readString(alpha).replace("name=ui-alpha", "name=ui-gamma"));
        Files.move(temporary, gamma, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        try {
            try {
                ui.waitUntil("the shell's agent listed with its status, nobody pressing Refresh", () -> ui.rows(table)
                        .stream().anyMatch(row -> row.get(0).equals("ui-gamma") && row.get(2).equals("trusted")));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; the table: " + ui.rows(table) + "; the fleet: "
                        + fleet.list().stream().map(AgentEntry::name).toList(), e);
            }
        } finally {
            Files.deleteIfExists(gamma);
        }
        ui.waitUntil("the agent the shell removed gone", () -> ui.rows(table).stream()
                .noneMatch(row -> row.get(0).equals("ui-gamma")));
        assertEquals(2, ui.rows(table).size(), ui.rows(table).toString());
    }

    private String fingerprintOf(String name) throws Exception {
        return fleet.status(name).certificate().sha256Fingerprint();
    }
}
