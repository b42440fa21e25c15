package org.certbench.app.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.certbench.app.internal.messages.MessagesPart;
import org.certbench.core.AuditLog;
import org.certbench.ui.testing.CommandRobot;
import org.certbench.ui.testing.MenuScreenshot;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Audit Log's commands in the main menu's Audit Log menu, as the Agents and CA views have theirs: each named with
 * the key it is bound to and run from there, Filter and Refresh also from another view (the Audit Log comes to the
 * front); and Window &gt; Filter System Messages, which shows the System messages view from any view.
 */
class AuditMenuUiTest {

    /** A month of 2000 belongs to this test: older than any entry the other tests write, so listed last. */
    private static final String OWN_MONTH = "2000-01.jsonl";

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();

    @AfterEach
    void removeOwnMonth() throws Exception {
        Files.deleteIfExists(AuditLog.ofHome().directory().resolve(OWN_MONTH));
    }

    @Test
    void eachCommandThroughTheAuditLogMenuWithItsKey() throws Exception {
        String marker = "menu" + System.nanoTime();
        Path directory = AuditLog.ofHome().directory();
        at(directory, "2000-01-01T10:00:00Z").succeeded("ca.import", "CN=First " + marker, null, null);
        Shell main = ui.waitForShell("CertBench");
        CommandRobot commands = new CommandRobot(ui);

        // Refresh and Filter from another view: the Audit Log comes to the front
        anotherViewInFront(main);
        ui.selectMenu(main, "Audit Log", "Refresh");
        Table table = ui.byId(main, Table.class, AuditPart.TABLE_ID);
        Text filter = ui.byId(main, Text.class, AuditPart.FILTER_ID);
        ui.type(filter, marker);
        ui.waitUntil("the Audit Log in front with the test's entry", () -> table.isVisible()
                && table.getItemCount() == 1);
        at(directory, "2000-01-01T11:00:00Z").succeeded("ca.delete", "CN=Second " + marker, null, null);
        anotherViewInFront(main);
        ui.waitUntil("the Audit Log hidden", () -> !table.isVisible());
        ui.selectMenu(main, "Audit Log", "Refresh");
        ui.waitUntil("the Audit Log in front with the entry written since", () -> table.isVisible()
                && table.getItemCount() == 2);
        anotherViewInFront(main);
        ui.waitUntil("the Audit Log hidden", () -> !table.isVisible());
        ui.selectMenu(main, "Audit Log", "Filter");
        ui.waitUntil("the Audit Log in front, the focus in its filter",
                () -> table.isVisible() && filter.isFocusControl());

        // the menu names each key while the view is active (Ctrl+C while its table has the focus)
        assertEquals("Refresh\tF5", commands.menuItemText(main, "Audit Log", "Refresh"));
        String filterItem = commands.menuItemText(main, "Audit Log", "Filter");
        assertTrue(filterItem.endsWith("+F"), filterItem);
        ui.selectRows(table, 0);
        String copyItem = commands.menuItemTextWithFocusIn(table, "+C", main, "Audit Log", "Copy");
        assertTrue(copyItem.endsWith("+C"), copyItem);

        // Copy runs from the menu: the selected entry with the column titles
        ui.clearClipboard();
        ui.selectMenu(main, "Audit Log", "Copy");
        List<String> copied = ui.clipboardText().lines().toList();
        assertEquals(2, copied.size(), copied.toString());
        // (the Object cell as the table shows it, shortened)
        assertTrue(copied.get(1).startsWith("2000-01-01 11:00:00\t")
                && copied.get(1).contains("\tca.delete\tCN=Second "), copied.toString());
        new MenuScreenshot(ui).take(main, "Audit Log", Path.of("target", "screenshots", "audit-menu.png"));
        ui.type(filter, "");
    }

    @Test
    void filterSystemMessagesFromTheWindowMenuShowsTheViewFirst() throws Exception {
        Shell main = ui.waitForShell("CertBench");
        anotherViewInFront(main);
        assertEquals("Filter System Messages", new CommandRobot(ui).menuItemText(main, "Window",
                "Filter System Messages"));
        ui.selectMenu(main, "Window", "Filter System Messages");
        Text filter = ui.byId(main, Text.class, MessagesPart.FILTER_ID);
        ui.waitUntil("the System messages view shown, the focus in its filter",
                () -> filter.isVisible() && filter.isFocusControl());
        String item = new CommandRobot(ui).menuItemText(main, "Window", "Filter System Messages");
        assertTrue(item.endsWith("+F"), "its key, named while the view is active: " + item);
        new MenuScreenshot(ui).take(main, "Window", Path.of("target", "screenshots", "window-menu.png"));
    }

    /** Activates a view of the main area other than the Audit Log, and waits until it shows. */
    private void anotherViewInFront(Shell main) {
        MPart other = ui.onUi(() -> {
            EPartService parts = ((MWindow) main.getData("modelElement")).getContext().get(EPartService.class);
            MPart auditPart = parts.findPart(AuditPart.PART_ID);
            MPart first = auditPart.getParent().getChildren().stream()
                    .filter(element -> element != auditPart && element.isToBeRendered() && element instanceof MPart)
                    .map(MPart.class::cast).findFirst().orElseThrow();
            parts.activate(first);
            return first;
        });
        ui.waitUntil("another view in front",
                () -> other.getWidget() instanceof Control control && control.isVisible());
    }

    private static AuditLog at(Path directory, String time) {
        return new AuditLog(directory, null, Clock.fixed(Instant.parse(time), ZoneOffset.UTC));
    }
}
