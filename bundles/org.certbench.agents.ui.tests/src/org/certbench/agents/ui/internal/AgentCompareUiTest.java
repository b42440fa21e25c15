package org.certbench.agents.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.certbench.agents.ui.AgentsView;
import org.certbench.testing.servers.AgentJvm;
import org.certbench.ui.compare.CompareDialog;
import org.certbench.ui.testing.CommandRobot;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compare for an agent: a real certbench-agent changes its certificate behind the console's back, and after a refresh
 * its pinned certificate and the one it presents stand side by side, the key's fields marked as differing.
 */
class AgentCompareUiTest {

    private static final String NAME = "cmp-agent";

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();
    private final CommandRobot commands = new CommandRobot(ui);

    @TempDir
    Path work;

    @Test
    void thePinnedCertificateBesideTheOneTheAgentPresentsAfterAnUnannouncedChange() throws Exception {
        try (RealAgents agents = RealAgents.start(work, NAME)) {
            Shell main = ui.waitForShell("CertBench");
            commands.showView(main, AgentsView.PART_ID);
            Table table = ui.byId(main, Table.class, AgentsPart.TABLE_ID);
            ui.click(ui.byId(main, Button.class, AgentsPart.REFRESH_ID));
            ui.waitUntil("the agent trusted", () -> ui.rows(table).stream()
                    .anyMatch(row -> row.get(0).equals(NAME) && row.get(2).equals("trusted")));
            ui.selectRows(table, ui.rowIndex(table, 0, NAME));
            // presented and pinned are the same certificate: nothing to compare
            assertTrue(commands.contextMenu(table).contains("Compare Pinned and Presented (disabled)"),
                    commands.contextMenu(table).toString());

            // a new key on the agent, nobody told the console
            Process rekey = new ProcessBuilder(AgentJvm.command("certificate-apply-self-signed", "--rekey",
                    "--state-dir", work.resolve(NAME).toString())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertEquals(0, rekey.waitFor());
            ui.click(ui.byId(main, Button.class, AgentsPart.REFRESH_ID));
            ui.waitUntil("the agent untrusted", () -> ui.rows(table).stream()
                    .anyMatch(row -> row.get(0).equals(NAME) && row.get(2).equals("untrusted")));
            ui.selectRows(table, ui.rowIndex(table, 0, NAME));

            commands.contextMenu(table, "Compare Pinned and Presented");
            Shell compare = ui.waitForShell("Agent " + NAME + ": pinned and presented certificates");
            Table compared = ui.byId(compare, Table.class, CompareDialog.TABLE_ID);
            assertEquals(List.of("Differs", "Field", "Pinned (trusted)", "Presented at the last refresh"),
                    ui.onUi(() -> List.of(compared.getColumns()).stream().map(column -> column.getText()).toList()));
            List<List<String>> rows = ui.rows(compared);
            String pinned = agents.fleet.get(NAME).pinnedCertificate().summary().sha256Fingerprint();
            List<String> fingerprint = row(rows, "SHA-256 fingerprint");
            assertEquals("differs", fingerprint.get(0));
            assertEquals(pinned, fingerprint.get(2));
            assertTrue(!fingerprint.get(3).equals(pinned) && !fingerprint.get(3).isEmpty(), fingerprint.toString());
            assertEquals("differs", row(rows, "Serial number").get(0));
            List<String> subject = row(rows, "Subject");
            assertEquals("", subject.get(0), "the same host's name: " + subject);
            assertEquals(subject.get(2), subject.get(3));
            assertTrue(ui.onUi(ui.byId(compare, Label.class, CompareDialog.SUMMARY_ID)::getText)
                    .matches("\\d+ of 17 fields differ: they are marked \"differs\"\\."));
            ui.screenshot(compare, Path.of("target", "screenshots", "compare-agent-pinned-presented.png"));
            ui.click(ui.button(compare, "Close"));
            // and from the Agents menu
            ui.selectMenu(main, "Agents", "Compare Pinned and Presented");
            ui.clickButtonIn("Agent " + NAME + ": pinned and presented certificates", "Close");
            agents.fleet.remove(NAME);
        }
    }

    private static List<String> row(List<List<String>> rows, String field) {
        return rows.stream().filter(each -> each.get(1).equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + field + " in " + rows));
    }
}
