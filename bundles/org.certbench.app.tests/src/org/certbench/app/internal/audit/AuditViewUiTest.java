package org.certbench.app.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.certbench.core.AuditLog;
import org.certbench.ui.testing.CommandRobot;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

/**
 * The Audit view over entries written through the real {@link AuditLog} into the workbench's home: newest first,
 * a line cut off by a crash shown as a damaged row, the filter, and the selected entry shown whole.
 */
class AuditViewUiTest {

    /** Months of 2099 belong to this test: later than any entry the other tests make today. */
    private static final List<String> OWN_MONTHS = List.of("2099-03.jsonl", "2099-04.jsonl");
    private static final String FINGERPRINT = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:"
            + "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
    private static final int TIME = 0, WHO = 1, ACTION = 2, OBJECT = 3, BEFORE = 4, AFTER = 5, RESULT = 6;

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();

    private final CommandRobot commands = new CommandRobot(ui);

    @Test
    void showsTheLogNewestFirstWithDamagedLinesAndFilters() throws Exception {
        String marker = "ui" + System.nanoTime() % 1_000_000_000L;
        Path directory = AuditLog.ofHome().directory();
        for (String month : OWN_MONTHS) {
            Files.deleteIfExists(directory.resolve(month));
        }
        at(directory, "2099-03-01T10:00:00Z").succeeded("ca.import", "CN=Root " + marker, null, FINGERPRINT);
        at(directory, "2099-03-01T11:00:00Z").failed("agent.trust", "web-" + marker, FINGERPRINT,
                "the agent did not answer within 10 s");
        at(directory, "2099-03-02T09:30:00Z").succeeded("settings.proxy", "net " + marker, "proxy.host=",
                "proxy.host=proxy.example proxy.port=3128");
        at(directory, "2099-04-01T00:00:00Z").succeeded("host.generate", "https " + marker, null, FINGERPRINT);
        crashWhileWriting(directory.resolve("2099-04.jsonl"));

        Shell main = ui.waitForShell("CertBench");
        commands.showView(main, AuditPart.PART_ID);
        assertEquals(AuditPart.PART_ID, ui.onUi(() -> {
            MPart audit = (MPart) ((MWindow) main.getData("modelElement")).getContext().get(EPartService.class)
                    .findPart(AuditPart.PART_ID);
            List<MUIElement> tabs = audit.getParent().getChildren();
            return tabs.get(tabs.size() - 1).getElementId();
        }), "the Audit Log is the last tab, after the views it audits");
        ui.click(ui.byId(main, Button.class, AuditPart.REFRESH_ID));
        Table table = ui.byId(main, Table.class, AuditPart.TABLE_ID);
        ui.waitUntil("the view to list the test's entries", () -> table.isVisible() && table.getItemCount() >= 5
                && table.getItem(1).getText(OBJECT).equals("https " + marker));

        List<List<String>> rows = ui.rows(table);
        String damaged = rows.get(0).get(RESULT);
        assertTrue(damaged.startsWith("2099-04.jsonl, line 2: ") && damaged.contains("cut off"), damaged);
        assertEquals(List.of("", "", "damaged line", "", "", ""), rows.get(0).subList(TIME, RESULT));
        assertEquals(List.of("2099-04-01 00:00:00", System.getProperty("user.name"), "host.generate",
                "https " + marker, "", "AB:CD:EF:01:23:45…", "ok"), rows.get(1));
        assertEquals(List.of("2099-03-02 09:30:00", "settings.proxy", "proxy.host=", "proxy.host=proxy.e…", "ok"),
                pick(rows.get(2), TIME, ACTION, BEFORE, AFTER, RESULT));
        assertEquals(List.of("2099-03-01 11:00:00", "agent.trust", "AB:CD:EF:01:23:45…", "",
                "failed: the agent did not answer within 10 s"),
                pick(rows.get(3), TIME, ACTION, BEFORE, AFTER, RESULT));
        assertEquals(List.of("2099-03-01 10:00:00", "ca.import"), pick(rows.get(4), TIME, ACTION));
        ui.screenshot(main, Path.of("target", "screenshots", "audit-view.png"));

        Text filter = ui.byId(main, Text.class, AuditPart.FILTER_ID);
        ui.type(filter, marker);
        ui.waitUntil("the filter to leave the test's four entries", () -> table.getItemCount() == 4);
        assertEquals(List.of("host.generate", "settings.proxy", "agent.trust", "ca.import"),
                ui.rows(table).stream().map(row -> row.get(ACTION)).toList());

        ui.type(filter, "DID NOT ANSWER within");
        ui.waitUntil("the filter to match the result text", () -> ui.rows(table).stream()
                .anyMatch(row -> row.get(OBJECT).equals("web-" + marker)));
        assertTrue(ui.rows(table).stream().allMatch(row -> row.get(RESULT).contains("did not answer within")));

        ui.type(filter, "web-" + marker);
        ui.waitUntil("the filter to match the object", () -> table.getItemCount() == 1);
        Label count = ui.byId(main, Label.class, AuditPart.COUNT_ID);
        assertTrue(ui.onUi(count::getText).startsWith("1 of "), ui.onUi(count::getText));
        ui.selectRows(table, 0);
        Text details = ui.byId(main, Text.class, AuditPart.DETAILS_ID);
        String shown = ui.onUi(details::getText);
        assertTrue(shown.contains("Before: " + FINGERPRINT) && shown.contains("After: (none)")
                && shown.contains("Result: failed: the agent did not answer within 10 s")
                && shown.contains("Who: " + System.getProperty("user.name")), shown);

        ui.type(filter, "damaged line");
        ui.waitUntil("the filter to find the damaged line", () -> table.getItemCount() >= 1);
        assertTrue(ui.rows(table).stream().allMatch(row -> row.get(ACTION).equals("damaged line")));
        ui.selectRows(table, ui.rowIndex(table, RESULT, damaged));
        assertTrue(ui.onUi(details::getText).startsWith(directory.resolve("2099-04.jsonl") + ", line 2: "),
                ui.onUi(details::getText));

        // the view's commands, each through its menu and its key
        ui.type(filter, marker);
        ui.waitUntil("the test's four entries again", () -> table.getItemCount() == 4);
        ui.runOnUi(table::deselectAll);
        assertEquals(List.of("Copy (disabled)", "Filter", "Refresh"), commands.contextMenu(table),
                "Copy wants a selection");
        ui.selectRows(table, 0, 2);
        List<String> expected = List.of("Time (UTC)\tWho\tAction\tObject\tBefore\tAfter\tResult",
                "2099-04-01 00:00:00\t" + System.getProperty("user.name") + "\thost.generate\thttps " + marker
                        + "\t\tAB:CD:EF:01:23:45…\tok",
                "2099-03-01 11:00:00\t" + System.getProperty("user.name") + "\tagent.trust\tweb-" + marker
                        + "\tAB:CD:EF:01:23:45…\t\tfailed: the agent did not answer within 10 s");
        ui.clearClipboard();
        commands.press(table, SWT.MOD1, 'c');
        assertEquals(expected, ui.clipboardText().lines().toList(), "Ctrl+C");
        ui.clearClipboard();
        commands.contextMenu(table, "Copy");
        assertEquals(expected, ui.clipboardText().lines().toList(), "the context menu's Copy");

        commands.press(table, SWT.MOD1, 'f');
        ui.waitUntil("Ctrl+F to focus the filter", filter::isFocusControl);
        commands.focus(table);
        commands.contextMenu(table, "Filter");
        ui.waitUntil("Filter to focus the filter", filter::isFocusControl);

        // entries written since (by a shell, another console): F5 and Refresh read the log again
        at(directory, "2099-03-03T08:00:00Z").succeeded("ca.delete", "CN=Gone " + marker, FINGERPRINT, null);
        commands.press(table, SWT.NONE, SWT.F5);
        ui.waitUntil("F5 to read the new entry", () -> table.getItemCount() == 5);
        at(directory, "2099-03-03T09:00:00Z").succeeded("ca.import", "CN=Again " + marker, null, FINGERPRINT);
        commands.contextMenu(table, "Refresh");
        ui.waitUntil("Refresh to read the next one", () -> table.getItemCount() == 6);
        ui.type(filter, "");
    }

    private static AuditLog at(Path directory, String time) {
        return new AuditLog(directory, null, Clock.fixed(Instant.parse(time), ZoneOffset.UTC));
    }

    /** What a crash in the middle of an append leaves: the start of a line, without its end. */
    private static void crashWhileWriting(Path file) throws IOException {
        Files.write(file, "{\"time\":\"2099-04-01T00:00:01Z\",\"who\":\"ro".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
    }

    private static List<String> pick(List<String> row, int... columns) {
        return java.util.Arrays.stream(columns).mapToObj(row::get).toList();
    }
}
