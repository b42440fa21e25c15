package org.certbench.truststore.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.TrustStore;
import org.certbench.truststore.ui.CaCertificatesView;
import org.certbench.ui.testing.CommandRobot;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The CA Certificates view's actions as e4 commands: each through the main menu, its key and the table's context
 * menu, enabled by the selection. One test, one store, to keep the suite short.
 */
class CaCommandsUiTest {

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();
    private final CommandRobot commands = new CommandRobot(ui);

    @TempDir
    Path files;

    @Test
    void everyActionRunsFromTheMenusAndKeys() throws Exception {
        TrustStore store = store();
        for (CaEntry entry : store.list()) {
            store.delete(entry.id());
        }
        KeyPair rootKey = PkiFixtures.freshEc();
        store.importCertificate(pemFile("Menu Alpha Root", PkiFixtures.certificate("CN=Menu Alpha Root").key(rootKey)));
        store.importCertificate(pemFile("Menu Beta CA", PkiFixtures.certificate("CN=Menu Beta CA")
                .key(PkiFixtures.freshEc()).issuedBy("CN=Menu Alpha Root", rootKey)));
        Shell main = ui.waitForShell("CertBench");
        commands.showView(main, CaCertificatesView.PART);
        Table table = ui.byId(main, Table.class, CaCertificatesPart.TABLE_ID);
        ui.waitUntil("two rows", () -> table.getItemCount() == 2);
        ui.runOnUi(table::deselectAll);
        ui.selectRows(table);

        // nothing selected: what needs a selection is disabled, in the context menu as in the main menu
        assertEquals(List.of("Details (disabled)", "Compare (disabled)", "Export... (disabled)", "Copy",
                "Delete (disabled)", "New Certificate...", "Reload"), commands.contextMenu(table));

        // the view's toolbar: the same commands, each with its icon, enabled by the same selection
        List<String> tools = List.of("New Certificate", "Details (disabled)", "Export (disabled)",
                "Delete (disabled)", "Reload (F5)");
        waitForTools(commands, main, tools);
        commands.clickTool(main, "Reload (F5)");
        ui.clickButtonIn(Messages.Reload_title, "OK");

        // F5 and the main menu: Reload
        commands.press(table, SWT.NONE, SWT.F5);
        ui.clickButtonIn(Messages.Reload_title, "OK");
        ui.selectMenu(main, "CA Certificates", "Reload");
        ui.clickButtonIn(Messages.Reload_title, "OK");

        // the main menu: New Certificate...
        ui.selectMenu(main, "CA Certificates", "New Certificate...");
        ui.clickButtonIn(Messages.Wizard_title, "Cancel");

        int alpha = ui.rowIndex(table, 0, "Menu Alpha Root");
        ui.selectRows(table, alpha);
        waitForTools(commands, main, List.of("Details", "Export", "Delete"));
        for (String button : List.of(CaCertificatesPart.DETAILS_ID, CaCertificatesPart.EXPORT_ID,
                CaCertificatesPart.DELETE_ID)) {
            assertTrue(ui.onUi(ui.byId(main, Button.class, button)::isEnabled), "the seed's button " + button);
        }
        ui.screenshot(main, Path.of("target", "screenshots", "ca-certificates-commands.png"));
        assertEquals(List.of("Details", "Compare (disabled)", "Export...", "Copy", "Delete", "New Certificate...",
                "Reload"),
                commands.contextMenu(table));

        // the context menu, Enter (the table's default selection) and the main menu: Details
        commands.contextMenu(table, "Details");
        ui.clickButtonIn(Messages.Details_title, "Close");
        commands.defaultSelection(table);
        ui.clickButtonIn(Messages.Details_title, "Close");
        ui.selectMenu(main, "CA Certificates", "Details");
        ui.clickButtonIn(Messages.Details_title, "Close");

        // the Chain tab: the path to the root, each element's state
        ui.selectRows(table, ui.rowIndex(table, 0, "Menu Beta CA"));
        ui.selectMenu(main, "CA Certificates", "Details");
        Shell details = ui.waitForShell(Messages.Details_title);
        Table chain = ui.byId(details, Table.class, CaDetailsDialog.CHAIN_ID);
        ui.waitUntil("the path to the root", () -> ui.rows(chain).size() == 2);
        String until = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(400).toString().substring(0, 4);
        List<List<String>> path = ui.rows(chain);
        assertEquals(List.of("Menu Beta CA", "yes"), path.get(0).subList(0, 2));
        assertEquals("verified: signed by the next certificate", path.get(0).get(3));
        assertEquals(List.of("Menu Alpha Root", "yes"), path.get(1).subList(0, 2));
        assertEquals("self-signed: the root", path.get(1).get(3));
        assertTrue(path.get(1).get(2).startsWith("valid until " + until), path.toString());
        ui.runOnUi(() -> ui.find(details, org.eclipse.swt.widgets.TabFolder.class, folder -> true).orElseThrow()
                .setSelection(1));
        ui.waitUntil("the Chain tab shown", chain::isVisible);
        ui.screenshot(details, Path.of("target", "screenshots", "ca-details-chain.png"));
        ui.click(ui.button(details, "Close"));
        ui.selectRows(table, ui.rowIndex(table, 0, "Menu Alpha Root"));

        // Ctrl+C and the main menu: the selected row as text
        ui.clearClipboard();
        commands.press(table, SWT.MOD1, 'c');
        assertTrue(ui.clipboardText().startsWith("Menu Alpha Root\tMenu Alpha Root\t"),
                ui.clipboardText());
        ui.clearClipboard();
        ui.selectMenu(main, "CA Certificates", "Copy");
        assertTrue(ui.clipboardText().startsWith("Menu Alpha Root\t"));

        // Ctrl+F: the filter
        Text filter = ui.byId(main, Text.class, CaCertificatesPart.FILTER_ID);
        commands.press(table, SWT.MOD1, 'f');
        assertTrue(ui.onUi(filter::isFocusControl), "the filter has the focus");

        // Delete in the filter field is the field's: it runs no command, even with no character left to delete
        commands.press(filter, SWT.NONE, SWT.DEL);
        assertTrue(ui.onUi(() -> java.util.Arrays.stream(ui.display().getShells())
                .noneMatch(shell -> Messages.Delete_title.equals(shell.getText()))), "no Delete dialog from the filter");

        // Delete in the table, cancelled; then Delete from the context menu and from the main menu
        commands.press(table, SWT.NONE, SWT.DEL);
        ui.clickButtonIn(Messages.Delete_title, "Cancel");
        assertEquals(2, store.list().size());
        commands.contextMenu(table, "Delete");
        ui.clickButtonIn(Messages.Delete_title, "Delete");
        ui.waitUntil("the row to go", () -> ui.rowIndex(table, 0, "Menu Alpha Root") < 0);
        ui.selectRows(table, 0);
        ui.selectMenu(main, "CA Certificates", "Delete");
        ui.clickButtonIn(Messages.Delete_title, "Delete");
        ui.waitUntil("an empty table", () -> table.getItemCount() == 0);
        assertEquals(List.of(), store.list());
    }

    /**
     * Waits for the tool items, their tooltips read without the key e4 adds: Delete's key is bound in the table's
     * context only, so whether "(Delete)" shows depends on where the focus was when e4 worded the item.
     */
    private void waitForTools(CommandRobot commands, Shell main, List<String> expected) {
        ui.waitUntil("tool items " + expected + " in " + commands.toolItems(main), () -> commands.toolItems(main)
                .stream().map(text -> text.replace(" (Delete)", "")).toList().containsAll(expected));
    }

    private TrustStore store() throws InterruptedException {
        ServiceTracker<TrustStore, TrustStore> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(CaCommandsUiTest.class).getBundleContext(), TrustStore.class, null);
        tracker.open();
        return tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
    }

    private Path pemFile(String name, PkiFixtures.Builder certificate) throws Exception {
        byte[] der = certificate.ca(true)
                .validity(Instant.now().minusSeconds(3600), Instant.now().plusSeconds(400L * 86400)).build();
        return Files.writeString(files.resolve(name.replace(' ', '_') + ".pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(der) + "\n-----END CERTIFICATE-----\n");
    }
}
