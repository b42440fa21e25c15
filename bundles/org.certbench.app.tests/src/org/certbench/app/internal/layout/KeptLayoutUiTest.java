package org.certbench.app.internal.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.certbench.app.internal.messages.BellControl;
import org.certbench.app.internal.messages.MessagesPart;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;
import org.certbench.messages.SystemMessages;
import org.certbench.ui.layout.LayoutMemory;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.e4.ui.model.application.MAddon;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The layout kept between runs. A real restart of the workbench costs a product start in CI; the test re-creates in
 * this process what a start reads: the layout is written as the window's closing writes it, the window and the
 * selected view are put elsewhere, the System messages view is closed (its table disposed), the memory is read
 * again from the file, the window's layout applied as at a start, and the view opened anew.
 */
class KeptLayoutUiTest {

    private static final String MAIN_STACK = "org.certbench.app.partstack.main"; //$NON-NLS-1$
    private static final String AUDIT = "org.certbench.app.part.audit"; //$NON-NLS-1$
    private static final String MESSAGES = "org.certbench.app.part.messages"; //$NON-NLS-1$

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();
    private final LayoutMemory memory = LayoutMemory.shared();

    private Rectangle boundsBefore;
    private String selectedBefore;

    @BeforeEach
    void noteTheWindow() {
        Shell main = ui.waitForShell("CertBench");
        boundsBefore = ui.onUi(main::getBounds);
        selectedBefore = ui.onUi(() -> stack((MWindow) main.getData("modelElement")).getSelectedElement().getElementId());
    }

    @AfterEach
    void forgetTheLayout() throws Exception {
        Files.deleteIfExists(memory.file());
        ui.runOnUi(memory::reload);
        Shell main = ui.waitForShell("CertBench");
        // the window and its views as the other tests expect them
        ui.runOnUi(() -> {
            main.setBounds(boundsBefore);
            select((MWindow) main.getData("modelElement"), selectedBefore);
        });
        Table table = ui.byId(main, Table.class, MessagesPart.TABLE_ID);
        // the other tests of the view expect it as it starts: newest first, unfiltered
        ui.type(ui.byId(main, Text.class, MessagesPart.FILTER_ID), "");
        sortBy(table, 0, SWT.DOWN);
    }

    @Test
    void windowSelectedViewColumnWidthsAndSortAreKeptAcrossARestart() throws Exception {
        String token = "kept-layout-" + System.nanoTime();
        SystemMessages messages = systemMessages();
        messages.post(Severity.INFO, "Layout test", token + " info", null);
        messages.post(Severity.ERROR, "Layout test", token + " error", null);
        messages.post(Severity.WARNING, "Layout test", token + " warning", null);
        Shell main = ui.waitForShell("CertBench");
        MWindow window = ui.onUi(() -> (MWindow) main.getData("modelElement"));
        KeptLayout addon = addon(window);
        ui.click(ui.byId(main, Button.class, BellControl.BELL_ID));
        Table table = ui.byId(main, Table.class, MessagesPart.TABLE_ID);

        Rectangle kept = new Rectangle(40, 30, 1000, 700);
        ui.runOnUi(() -> {
            main.setBounds(kept);
            table.getColumn(2).setWidth(222);
            select(window, AUDIT);
        });
        sortBy(table, 1, SWT.DOWN);
        ui.onUi(() -> addon.keep(main)).get(KeptLayout.SAVE_WAIT_SECONDS, TimeUnit.SECONDS);
        Properties written = new Properties();
        written.load(Files.newBufferedReader(memory.file(), StandardCharsets.UTF_8));
        assertEquals("40,30,1000,700", written.getProperty(KeptLayout.BOUNDS), "written: " + written);
        assertEquals(AUDIT, written.getProperty(KeptLayout.SELECTED + MAIN_STACK));
        assertEquals("1,down", written.getProperty("table." + MessagesPart.TABLE_ID + ".sort"));

        // the next run: elsewhere at first, the view created anew from what the file says
        ui.runOnUi(() -> {
            main.setBounds(new Rectangle(10, 10, 900, 650));
            select(window, otherThan(window, AUDIT));
            window.getContext().get(EPartService.class).hidePart(part(window, MESSAGES));
        });
        ui.waitUntil("the messages table disposed", table::isDisposed);
        ui.runOnUi(() -> {
            memory.reload();
            addon.apply(window);
        });
        ui.click(ui.byId(main, Button.class, BellControl.BELL_ID));
        Table again = ui.byId(main, Table.class, MessagesPart.TABLE_ID);
        assertNotEquals(table, again, "a new table");
        ui.type(ui.byId(main, Text.class, MessagesPart.FILTER_ID), token);
        ui.waitUntil("the three messages", () -> again.getItemCount() == 3);

        assertEquals(kept, ui.onUi(main::getBounds));
        assertEquals(AUDIT, ui.onUi(() -> stack(window).getSelectedElement().getElementId()));
        assertEquals(222, ui.onUi(() -> again.getColumn(2).getWidth()));
        assertEquals(1, (int) ui.onUi(() -> again.indexOf(again.getSortColumn())));
        assertEquals(SWT.DOWN, (int) ui.onUi(again::getSortDirection));
        assertEquals(List.of(token + " error", token + " warning", token + " info"),
                ui.rows(again).stream().map(row -> row.get(3)).toList());
        ui.screenshot(main, Path.of("target", "screenshots", "kept-layout.png"));
    }

    @Test
    void aLayoutFileWithNonsenseIsIgnoredAndNothingBreaks() throws Exception {
        Shell main = ui.waitForShell("CertBench");
        MWindow window = ui.onUi(() -> (MWindow) main.getData("modelElement"));
        KeptLayout addon = addon(window);
        ui.click(ui.byId(main, Button.class, BellControl.BELL_ID));
        Table table = ui.byId(main, Table.class, MessagesPart.TABLE_ID);
        Rectangle before = ui.onUi(main::getBounds);
        Files.createDirectories(memory.file().getParent());
        // the view's own widths (time, severity, source, text), as a fresh start has them
        int[] widthsBefore = { 150, 100, 140, 600 };

        Files.writeString(memory.file(), String.join("\n",
                "window.bounds=-40000,-40000,800,600", // off every screen
                "window.maximized=perhaps",
                "view.selected." + MAIN_STACK + "=org.example.removed.plugin.view",
                "view.selected.no.such.stack=" + AUDIT,
                "table." + MessagesPart.TABLE_ID + ".widths=-5,70000,150,x", // one width fits, the row is no number list
                "table." + MessagesPart.TABLE_ID + ".sort=17,up", // a column that is gone
                "table.expiry.table.widths=1,2", // too few columns
                "\\u12", // a broken escape
                ""), StandardCharsets.ISO_8859_1);
        recreateMessagesView(window, addon, table);
        Table again = ui.byId(main, Table.class, MessagesPart.TABLE_ID);

        assertEquals(before, ui.onUi(main::getBounds));
        assertEquals(selectedBefore, ui.onUi(() -> stack(window).getSelectedElement().getElementId()));
        assertEquals(false, ui.onUi(main::getMaximized));
        assertEquals(viewed(widthsBefore), viewed(ui.onUi(() -> Arrays.stream(again.getColumns())
                .mapToInt(TableColumn::getWidth).toArray())), "a broken escape makes the whole file unreadable: the defaults");

        // readable, but nonsense in every value
        Files.writeString(memory.file(), String.join("\n",
                "window.bounds=-40000,-40000,800,600",
                "window.maximized=perhaps",
                "view.selected." + MAIN_STACK + "=org.example.removed.plugin.view",
                "table." + MessagesPart.TABLE_ID + ".widths=-5,70000,150,2",
                "table." + MessagesPart.TABLE_ID + ".sort=17,up",
                ""), StandardCharsets.UTF_8);
        recreateMessagesView(window, addon, again);
        Table third = ui.byId(main, Table.class, MessagesPart.TABLE_ID);

        assertEquals(before, ui.onUi(main::getBounds));
        assertEquals(selectedBefore, ui.onUi(() -> stack(window).getSelectedElement().getElementId()));
        assertEquals(viewed(new int[] { widthsBefore[0], widthsBefore[1], 150, widthsBefore[3] }),
                viewed(ui.onUi(() -> Arrays.stream(third.getColumns()).mapToInt(TableColumn::getWidth).toArray())),
                "only the width that fits is used");
        assertEquals(0, (int) ui.onUi(() -> third.indexOf(third.getSortColumn())), "the view's own sort: newest first");
        assertEquals(SWT.DOWN, (int) ui.onUi(third::getSortDirection));

        // larger than a settings file may be: not read at all
        Files.writeString(memory.file(), "table." + MessagesPart.TABLE_ID + ".widths=100,100,100,100\n#"
                + "x".repeat(70_000) + "\n", StandardCharsets.UTF_8);
        ui.runOnUi(memory::reload);
        assertTrue(ui.onUi(() -> memory.get("table." + MessagesPart.TABLE_ID + ".widths").isEmpty()));
    }

    @Test
    void aLayoutThatCannotBeWrittenIsSaidAsASystemMessage() throws Exception {
        SystemMessages messages = systemMessages();
        Shell main = ui.waitForShell("CertBench");
        MWindow window = ui.onUi(() -> (MWindow) main.getData("modelElement"));
        KeptLayout addon = addon(window);
        // a directory where the file should be: no file can replace it
        Files.deleteIfExists(memory.file());
        Files.createDirectories(memory.file());
        try {
            ui.onUi(() -> addon.keep(main)).get(KeptLayout.SAVE_WAIT_SECONDS, TimeUnit.SECONDS);

            String said = messages.list().stream().filter(message -> "Workbench layout".equals(message.source()))
                    .map(SystemMessage::text).filter(text -> text.contains(memory.file().toString())).findFirst()
                    .orElseThrow(() -> new AssertionError("no system message about the layout: " + messages.list()));
            assertTrue(said.startsWith("The window's layout (size, views, column widths and sort) could not be kept in "
                    + memory.file() + ": "), said);
            assertTrue(said.endsWith(". The next start shows the layout that file holds, or the defaults."), said);
            assertEquals(Severity.WARNING, messages.list().stream().filter(message -> said.equals(message.text()))
                    .findFirst().orElseThrow().severity());
            assertTrue(Files.isDirectory(memory.file()), "the directory is left as it was");
        } finally {
            Files.deleteIfExists(memory.file());
        }
    }

    /**
     * The widths as they can be compared: GTK stretches a table's last column over the rest of the table, so it reads
     * as its own width or wider (how much wider depends on the window), never narrower.
     */
    private static String viewed(int[] widths) {
        int[] compared = widths.clone();
        compared[compared.length - 1] = widths[widths.length - 1] >= 600 ? 600 : widths[widths.length - 1];
        return Arrays.toString(compared);
    }

    private void recreateMessagesView(MWindow window, KeptLayout addon, Table table) {
        ui.runOnUi(() -> window.getContext().get(EPartService.class).hidePart(part(window, MESSAGES)));
        ui.waitUntil("the messages table disposed", table::isDisposed);
        ui.runOnUi(() -> {
            memory.reload();
            addon.apply(window);
        });
        Shell main = ui.onUi(() -> (Shell) window.getWidget());
        ui.click(ui.byId(main, Button.class, BellControl.BELL_ID));
    }

    /** Clicks a column's header with the mouse until the table is sorted by it in {@code direction} (at most twice). */
    private void sortBy(Table table, int column, int direction) {
        for (int click = 0; click < 2; click++) {
            boolean sorted = ui.onUi(() -> table.getSortColumn() == table.getColumn(column)
                    && table.getSortDirection() == direction);
            if (sorted) {
                return;
            }
            ui.clickColumnHeader(table, column);
        }
    }

    private static KeptLayout addon(MWindow window) {
        MApplication application = window.getContext().get(MApplication.class);
        MAddon addon = application.getAddons().stream()
                .filter(candidate -> "org.certbench.app.addon.keptlayout".equals(candidate.getElementId()))
                .findFirst().orElseThrow();
        assertNotNull(addon.getObject(), "the add-on is running");
        return (KeptLayout) addon.getObject();
    }

    private static MPartStack stack(MWindow window) {
        return (MPartStack) window.getContext().get(EModelService.class).find(MAIN_STACK, window);
    }

    private static MPart part(MWindow window, String id) {
        return (MPart) window.getContext().get(EModelService.class).find(id, window);
    }

    private static void select(MWindow window, String id) {
        window.getContext().get(EPartService.class).activate(part(window, id));
    }

    private static String otherThan(MWindow window, String id) {
        return stack(window).getChildren().stream().filter(MUIElement::isToBeRendered).map(MUIElement::getElementId)
                .filter(other -> !other.equals(id)).findFirst().orElseThrow();
    }

    private static SystemMessages systemMessages() throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(KeptLayoutUiTest.class).getBundleContext();
        ServiceTracker<SystemMessages, SystemMessages> tracker = new ServiceTracker<>(context, SystemMessages.class,
                null);
        tracker.open();
        SystemMessages service = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        assertNotNull(service, "the SystemMessages service");
        return service;
    }
}
