package org.certbench.truststore.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.certbench.core.StateDirectory;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.ExportFormat;
import org.certbench.truststore.TrustStore;
import org.certbench.truststore.ui.CaCertificatesView;
import org.certbench.ui.progress.ProgressLine;
import org.certbench.ui.testing.CommandRobot;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The CA view's commands that need no selection run from another view and bring the CA view to the front; Export
 * runs through its menus and writes a file the store's own check reads back; a Reload of a big store is cancelled
 * from the window's progress line and leaves the list as it was. One store, one test, to keep the suite short.
 */
class CaCommandsFromAnyViewUiTest {

    private static final String HOST_PART = "org.certbench.host.ui.part.hosts";
    /** Copies of one certificate in the store's directory: enough that reading them lasts past a Cancel press. */
    private static final int BIG_STORE = 12_000;

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();
    private final CommandRobot commands = new CommandRobot(ui);

    @TempDir
    Path files;

    @Test
    void newAndReloadFromAnotherViewExportThroughTheMenusAndAReloadCancelled() throws Exception {
        TrustStore store = store();
        for (CaEntry entry : store.list()) {
            store.delete(entry.id());
        }
        Path rootFile = pemFile("Any View Root");
        CaEntry root = store.importCertificate(rootFile).entry();
        Shell main = ui.waitForShell("CertBench");
        EPartService parts = ui.onUi(() -> context(main).get(EPartService.class));
        commands.showView(main, CaCertificatesView.PART);
        Table table = ui.byId(main, Table.class, CaCertificatesPart.TABLE_ID);

        // from the Host Certificates view: Reload and New Certificate... bring the CA view to the front
        commands.showView(main, HOST_PART);
        ui.selectMenu(main, "CA Certificates", "Reload");
        ui.clickButtonIn(Messages.Reload_title, "OK");
        assertEquals(CaCertificatesView.PART, activePart(parts));
        commands.showView(main, HOST_PART);
        ui.selectMenu(main, "CA Certificates", "New Certificate...");
        ui.clickButtonIn(Messages.Wizard_title, "Cancel");
        assertEquals(CaCertificatesView.PART, activePart(parts));
        // and Filter: the CA view in front, the keyboard in its filter
        commands.showView(main, HOST_PART);
        ui.selectMenu(main, "CA Certificates", "Filter");
        assertEquals(CaCertificatesView.PART, activePart(parts));
        org.eclipse.swt.widgets.Text filter = ui.byId(main, org.eclipse.swt.widgets.Text.class,
                CaCertificatesPart.FILTER_ID);
        ui.waitUntil("the filter has the focus", () -> ui.onUi(filter::isFocusControl));

        // Export through the main menu (PEM) and the context menu (DER): each file read back by the store's check
        ui.waitUntil("the root listed", () -> ui.rowIndex(table, 0, "Any View Root") >= 0);
        ui.selectRows(table, ui.rowIndex(table, 0, "Any View Root"));
        Path pem = files.resolve("exported/root.pem");
        Path der = files.resolve("exported/root.der");
        Files.createDirectories(pem.getParent());
        Deque<ExportFileChooser.Choice> chosen = new ArrayDeque<>(List.of(
                new ExportFileChooser.Choice(pem, ExportFormat.PEM), new ExportFileChooser.Choice(der, ExportFormat.DER)));
        List<String> suggested = new java.util.ArrayList<>();
        IEclipseContext window = ui.onUi(() -> context(main));
        ui.runOnUi(() -> window.set(ExportFileChooser.class, (shell, name) -> {
            suggested.add(name);
            return chosen.removeFirst();
        }));
        try {
            ui.selectMenu(main, "CA Certificates", "Export...");
            ui.waitUntil("the PEM file written", () -> Files.exists(pem));
            commands.contextMenu(table, "Export...");
            ui.waitUntil("the DER file written", () -> Files.exists(der));
        } finally {
            ui.runOnUi(() -> window.remove(ExportFileChooser.class));
        }
        assertEquals(List.of("Any_View_Root.pem", "Any_View_Root.pem"), suggested, "the name offered");
        assertTrue(Files.readString(pem).startsWith("-----BEGIN CERTIFICATE-----"), Files.readString(pem));
        assertEquals(0x30, Files.readAllBytes(der)[0], "DER: an ASN.1 SEQUENCE, no text");
        for (Path exported : List.of(pem, der)) {
            assertEquals(root.certificate().sha256Fingerprint(),
                    store.check(exported).certificate().sha256Fingerprint(), exported + " read back");
        }

        // a Reload of a big store (copies of one certificate put in its directory, as an administrator may copy a
        // bundle in), cancelled from the progress line while it reads: the list not replaced, said in words
        Path directory = StateDirectory.area("truststore");
        String copy = Files.readString(pemFile("Big Store Copy"));
        List<Path> copies = IntStream.range(0, BIG_STORE)
                .mapToObj(i -> directory.resolve(String.format("big-store-%05d.pem", i))).toList();
        try {
            copies.parallelStream().forEach(file -> write(file, copy));
            // the store's own watch reads what was copied in first (every 2 s), so the Reload reads them again
            ui.waitUntil("the store's watch read the copies", () -> ui.rowIndex(table, 0, "Big Store Copy") >= 0,
                    Duration.ofSeconds(60));
            List<String> rowsBefore = ui.rows(table).stream().map(row -> row.get(0)).toList();
            long start = System.nanoTime();
            ui.selectMenu(main, "CA Certificates", "Reload");
            Label progress = ui.byId(main, Label.class, ProgressLine.TEXT_ID);
            ui.waitUntil("the store being read", () -> ui.onUi(progress::getText)
                    .startsWith(Messages.Job_reload + ": Reading the CA certificates in"));
            ui.clickWithMouse(ui.byId(main, Button.class, ProgressLine.CANCEL_ID));
            ui.screenshot(main, Path.of("target", "screenshots", "ca-reload-cancelling.png"));
            ui.waitUntil("the reload ended", () -> ui.findShell(Messages.Reload_canceledTitle).isPresent()
                    || ui.findShell(Messages.Reload_title).isPresent(), Duration.ofSeconds(60));
            System.out.printf("Reload of %d files cancelled: %d ms from the menu to its report%n", BIG_STORE,
                    (System.nanoTime() - start) / 1_000_000);
            assertTrue(ui.findShell(Messages.Reload_title).isEmpty(), "the reload finished before Cancel was pressed");
            Shell said = ui.waitForShell(Messages.Reload_canceledTitle);
            assertTrue(ui.texts(said).contains("Reload cancelled before the list was replaced: nothing changed, the "
                    + "store still holds 2 CA certificates."), ui.texts(said).toString());
            ui.click(ui.button(said, "OK"));
            assertEquals(rowsBefore, ui.rows(table).stream().map(row -> row.get(0)).toList(), "the list as it was");
            assertFalse(ui.onUi(ui.byId(main, Button.class, ProgressLine.CANCEL_ID)::isVisible), "no work left");
        } finally {
            copies.parallelStream().forEach(file -> file.toFile().delete());
            store.reload();
        }
        assertEquals(List.of(root.id()), store.list().stream().map(CaEntry::id).toList());
    }

    private String activePart(EPartService parts) {
        return ui.onUi(() -> parts.getActivePart() == null ? "" : parts.getActivePart().getElementId());
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static IEclipseContext context(Shell main) {
        return ((MWindow) main.getData("modelElement")).getContext();
    }

    private TrustStore store() throws InterruptedException {
        ServiceTracker<TrustStore, TrustStore> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(CaCommandsFromAnyViewUiTest.class).getBundleContext(), TrustStore.class,
                null);
        tracker.open();
        return tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
    }

    private Path pemFile(String name) throws Exception {
        byte[] der = PkiFixtures.certificate("CN=" + name).key(PkiFixtures.freshEc()).ca(true)
                .validity(Instant.now().minusSeconds(3600), Instant.now().plusSeconds(400L * 86400)).build();
        return Files.writeString(files.resolve(name.replace(' ', '_') + ".pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(der) + "\n-----END CERTIFICATE-----\n");
    }
}
