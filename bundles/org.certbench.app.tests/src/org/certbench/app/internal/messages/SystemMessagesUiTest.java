package org.certbench.app.internal.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessages;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.TrustStore;
import org.certbench.ui.testing.CommandRobot;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The bell and the System messages view, driven like an administrator would. */
class SystemMessagesUiTest {

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();

    @Test
    void theBellCountsUnreadMessagesAndOpensThemAndMarkAllReadClearsIt() throws Exception {
        SystemMessages messages = systemMessages();
        messages.markAllRead();
        Shell main = ui.waitForShell("CertBench");
        Button bell = ui.byId(main, Button.class, BellControl.BELL_ID);
        ui.waitUntil("the bell to show no count", () -> bell.getText().isEmpty());

        messages.post(Severity.ERROR, "CA certificates", "The CA certificate 'Test Root' expired on 2026-11-24.", null);
        messages.post(Severity.WARNING, "CA certificates", "The CA certificate 'Other Root' expires in 7 days.", null);

        ui.waitUntil("the bell to count 2 unread", () -> "2".equals(bell.getText()));
        assertEquals("System messages: 2 unread", ui.onUi(bell::getToolTipText));

        ui.click(bell);
        Table table = ui.byId(main, Table.class, MessagesPart.TABLE_ID);
        ui.waitUntil("the view to list the messages", () -> table.isVisible() && table.getItemCount() >= 2);
        List<List<String>> rows = ui.rows(table);
        assertEquals(List.of("Warning", "CA certificates", "The CA certificate 'Other Root' expires in 7 days."),
                rows.get(0).subList(1, 4));
        assertEquals(List.of("Error", "CA certificates", "The CA certificate 'Test Root' expired on 2026-11-24."),
                rows.get(1).subList(1, 4));
        assertTrue(ui.onUi(() -> (table.getItem(0).getFont(0).getFontData()[0].getStyle() & org.eclipse.swt.SWT.BOLD) != 0), "unread is bold");
        ui.screenshot(main, Path.of("target", "screenshots", "system-messages.png"));

        ui.click(ui.byId(main, Button.class, MessagesPart.MARK_ALL_READ_ID));

        ui.waitUntil("the bell to clear", () -> bell.getText().isEmpty(), java.time.Duration.ofSeconds(10));
        assertEquals(0, messages.unreadCount());
        assertEquals("System messages: none unread", ui.onUi(bell::getToolTipText));
    }

    @Test
    void markReadMarksOnlyTheSelectedMessage() throws Exception {
        SystemMessages messages = systemMessages();
        messages.markAllRead();
        Shell main = ui.waitForShell("CertBench");
        messages.post(Severity.INFO, "Host certificates", "first", null);
        messages.post(Severity.INFO, "Host certificates", "second", null);
        ui.click(ui.byId(main, Button.class, BellControl.BELL_ID));
        Table table = ui.byId(main, Table.class, MessagesPart.TABLE_ID);
        ui.waitUntil("the view to list the new messages", () -> table.getItemCount() >= 2
                && "second".equals(table.getItem(0).getText(3)));

        ui.selectRows(table, 0);
        ui.click(ui.byId(main, Button.class, MessagesPart.MARK_READ_ID));

        ui.waitUntil("one message left unread", () -> messages.unreadCount() == 1, java.time.Duration.ofSeconds(10));
        assertEquals("first", messages.list().stream().filter(m -> !m.read()).findFirst().orElseThrow().text());
    }

    @Test
    void sortFilterSeverityIconsAndTheLinkToTheCertificateConcerned() throws Exception {
        String token = "sort-filter-" + System.nanoTime();
        Path caFile = Files.createDirectories(Path.of("target", "messages-link")).resolve(token + ".der");
        Files.write(caFile, PkiFixtures.ca("CN=Messages Link Root " + token, PkiFixtures.ec()));
        String caId = service(TrustStore.class).importCertificate(caFile).entry().id();
        SystemMessages messages = systemMessages();
        messages.post(Severity.INFO, "Charlie", token + " for the record", null);
        messages.post(Severity.WARNING, "Alpha", token + " look soon", null);
        messages.post(Severity.ERROR, "Bravo", token + " the CA certificate expired", "truststore.expired:" + caId);
        Shell main = ui.waitForShell("CertBench");
        ui.click(ui.byId(main, Button.class, BellControl.BELL_ID));
        Table table = ui.byId(main, Table.class, MessagesPart.TABLE_ID);
        Text filter = ui.byId(main, Text.class, MessagesPart.FILTER_ID);

        // Ctrl+F in the table goes to the filter: a key binding of the view's context, as is the context menu's Filter
        CommandRobot commands = new CommandRobot(ui);
        commands.press(table, SWT.MOD1, 'f');
        // GTK moves the focus asynchronously
        ui.waitUntil("Ctrl+F to focus the filter", filter::isFocusControl);
        commands.focus(table);
        commands.contextMenu(table, "Filter");
        ui.waitUntil("Filter in the context menu to focus the filter", filter::isFocusControl);
        ui.type(filter, token);
        ui.waitUntil("only the three messages", () -> table.getItemCount() == 3);
        try {
            ui.clickColumnHeader(table, 1);
            assertEquals(List.of("Info", "Warning", "Error"), column(table, 1), "by severity, rising");
            ui.clickColumnHeader(table, 1);
            assertEquals(List.of("Error", "Warning", "Info"), column(table, 1), "by severity, falling");
            assertEquals(SWT.DOWN, (int) ui.onUi(table::getSortDirection));
            ui.clickColumnHeader(table, 2);
            assertEquals(List.of("Alpha", "Bravo", "Charlie"), column(table, 2), "by source");
            ui.type(filter, token + " look");
            ui.waitUntil("the filter to leave one", () -> table.getItemCount() == 1);
            ui.type(filter, token);
            ui.waitUntil("all three again", () -> table.getItemCount() == 3);

            // an icon per severity, the platform's own
            assertEquals(List.of(Dialog.DLG_IMG_MESSAGE_WARNING, Dialog.DLG_IMG_MESSAGE_ERROR,
                    Dialog.DLG_IMG_MESSAGE_INFO), ui.onUi(() -> Arrays.stream(table.getItems())
                            .map(item -> imageKey(item.getImage(1))).toList()));
            ui.screenshot(main, Path.of("target", "screenshots", "system-messages-sorted.png"));

            Button show = ui.byId(main, Button.class, MessagesPart.SHOW_CERTIFICATE_ID);
            assertNotNull(ui.onUi(table::getMenu), "the table's context menu (Show Certificate)");
            ui.selectRows(table, 2);
            assertFalse(ui.onUi(show::isEnabled), "a message about no certificate links nowhere");
            ui.selectRows(table, 1);
            ui.click(show);
            Table caTable = ui.byId(main, Table.class, "ca.table");
            ui.waitUntil("the CA certificate selected in its view", () -> selectedRowNames(caTable, token));
            ui.screenshot(main, Path.of("target", "screenshots", "system-messages-show-certificate.png"));

            // Enter (or a double click) does the same
            ui.runOnUi(caTable::deselectAll);
            ui.click(ui.byId(main, Button.class, BellControl.BELL_ID));
            ui.selectRows(table, 1);
            commands.defaultSelection(table);
            ui.waitUntil("selected again by Enter", () -> selectedRowNames(caTable, token));

            // and the main menu's Window > Show Certificate of the System Message
            ui.runOnUi(caTable::deselectAll);
            ui.click(ui.byId(main, Button.class, BellControl.BELL_ID));
            ui.selectRows(table, 1);
            ui.selectMenu(main, "Window", "Show Certificate of the System Message");
            ui.waitUntil("selected again from the main menu", () -> selectedRowNames(caTable, token));
        } finally {
            ui.click(ui.byId(main, Button.class, BellControl.BELL_ID));
            ui.type(filter, "");
            while (!ui.onUi(() -> table.getSortColumn() == table.getColumn(0) && table.getSortDirection() == SWT.DOWN)) {
                ui.clickColumnHeader(table, 0);
            }
        }
    }

    private static boolean selectedRowNames(Table caTable, String token) {
        return caTable.getSelectionCount() == 1 && rowText(caTable.getSelection()[0]).contains(token);
    }

    private static String rowText(org.eclipse.swt.widgets.TableItem item) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < item.getParent().getColumnCount(); i++) {
            text.append(item.getText(i)).append('|');
        }
        return text.toString();
    }

    private static String imageKey(org.eclipse.swt.graphics.Image image) {
        for (String key : List.of(Dialog.DLG_IMG_MESSAGE_ERROR, Dialog.DLG_IMG_MESSAGE_WARNING,
                Dialog.DLG_IMG_MESSAGE_INFO)) {
            if (image != null && image == JFaceResources.getImage(key)) {
                return key;
            }
        }
        return String.valueOf(image);
    }

    private List<String> column(Table table, int column) {
        return ui.rows(table).stream().map(row -> row.get(column)).toList();
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(SystemMessagesUiTest.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        assertNotNull(service, type.getSimpleName());
        return service;
    }

    private static SystemMessages systemMessages() throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(SystemMessagesUiTest.class).getBundleContext();
        ServiceTracker<SystemMessages, SystemMessages> tracker = new ServiceTracker<>(context, SystemMessages.class,
                null);
        tracker.open();
        SystemMessages service = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        assertNotNull(service, "the SystemMessages service");
        return service;
    }
}
