package org.certbench.app.internal.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.certbench.ui.testing.UiRobot;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings > Plug-ins: install a bundle (refusing one the product cannot satisfy, in words) and remove it. */
class PluginsPageUiTest {

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();

    @TempDir
    Path work;

    @Test
    void installListsTheBundleAndRemoveTakesItAway() throws Exception {
        Path good = bundle("com.example.ui.plugin", "org.certbench.core;version=\"[1.0.0,2.0.0)\"");
        Path unsatisfied = bundle("com.example.ui.needs", "com.example.nowhere");
        Shell main = ui.waitForShell("CertBench");

        ui.selectMenu(main, "Settings", "Plug-ins...");
        Shell shell = ui.waitForShell("Plug-ins");
        PluginsDialog dialog = ui.onUi(() -> (PluginsDialog) shell.getData());
        Table table = ui.byId(shell, Table.class, PluginsDialog.TABLE_ID);

        ui.runOnUi(() -> dialog.install(unsatisfied));
        assertTrue(ui.onUi(dialog::getErrorMessage).startsWith("com.example.ui.needs needs what this CertBench does not provide"),
                ui.onUi(dialog::getErrorMessage));
        assertEquals(0, ui.rows(table).size());

        ui.runOnUi(() -> dialog.install(good));
        assertEquals(List.of(List.of("com.example.ui.plugin", "1.0.0", "from the next start")), ui.rows(table));

        ui.selectRows(table, 0);
        ui.click(ui.button(shell, "Remove"));
        ui.waitUntil("the plug-in to go", () -> table.getItemCount() == 0);
        ui.click(ui.button(shell, "Close"));
    }

    @Test
    void aPluginAndAnotherBuiltOnItInstallOneAfterTheOtherInOneSession() throws Exception {
        Path api = bundle("com.example.ui.api", "org.certbench.core;version=\"[1.0.0,2.0.0)\"",
                "com.example.ui.api;version=\"1.0.0\"");
        Path view = bundle("com.example.ui.view", "com.example.ui.api;version=\"[1.0.0,2.0.0)\"", null);
        Shell main = ui.waitForShell("CertBench");

        ui.selectMenu(main, "Settings", "Plug-ins...");
        Shell shell = ui.waitForShell("Plug-ins");
        PluginsDialog dialog = ui.onUi(() -> (PluginsDialog) shell.getData());
        Table table = ui.byId(shell, Table.class, PluginsDialog.TABLE_ID);
        try {
            ui.runOnUi(() -> dialog.install(api));
            ui.runOnUi(() -> dialog.install(view));

            assertEquals(null, ui.onUi(dialog::getErrorMessage), "the view resolves against the API installed before it");
            assertEquals(List.of(List.of("com.example.ui.api", "1.0.0", "from the next start"),
                    List.of("com.example.ui.view", "1.0.0", "from the next start")), ui.rows(table));
        } finally {
            for (int row = ui.rows(table).size() - 1; row >= 0; row--) {
                ui.selectRows(table, row);
                ui.click(ui.button(shell, "Remove"));
            }
            ui.waitUntil("the plug-ins to go", () -> table.getItemCount() == 0);
            ui.click(ui.button(shell, "Close"));
        }
    }

    private Path bundle(String name, String imports) throws Exception {
        return bundle(name, imports, null);
    }

    private Path bundle(String name, String imports, String exports) throws Exception {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Bundle-ManifestVersion", "2");
        attributes.putValue("Bundle-SymbolicName", name);
        attributes.putValue("Bundle-Version", "1.0.0");
        attributes.putValue("Import-Package", imports);
        if (exports != null) {
            attributes.putValue("Export-Package", exports);
        }
        Path file = work.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }
}
