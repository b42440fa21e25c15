package org.certbench.app.internal.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessages;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
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

        ui.runOnUi(() -> {
            table.setSelection(0);
            table.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        });
        ui.click(ui.byId(main, Button.class, MessagesPart.MARK_READ_ID));

        ui.waitUntil("one message left unread", () -> messages.unreadCount() == 1, java.time.Duration.ofSeconds(10));
        assertEquals("first", messages.list().stream().filter(m -> !m.read()).findFirst().orElseThrow().text());
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
