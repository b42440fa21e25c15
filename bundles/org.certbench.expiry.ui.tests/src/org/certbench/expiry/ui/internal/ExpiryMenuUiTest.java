package org.certbench.expiry.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.expiry.ContributedCertificate;
import org.certbench.expiry.ExpiryContributor;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.ui.testing.CommandRobot;
import org.certbench.ui.testing.MenuScreenshot;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The Expiry view's commands in the main menu's Expiry menu, as the Agents and CA views have theirs: each named with
 * the key it is bound to and run from there, Filter also from another view (the Expiry view comes to the front); the
 * export is named there, "Export Expiry Overview...", and no bare "Export..." is left in File.
 */
class ExpiryMenuUiTest {

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();
    private ServiceRegistration<ExpiryContributor> contribution;

    @AfterEach
    void unregister() {
        if (contribution != null) {
            contribution.unregister();
        }
    }

    @Test
    void eachCommandThroughTheExpiryMenuWithItsKey() throws Exception {
        String name = "menu-row-" + System.nanoTime();
        Instant now = Instant.now();
        Certificate certificate = Certificate.fromDer(PkiFixtures.certificate("CN=" + name)
                .validity(now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(12))).build(), name);
        contribution = FrameworkUtil.getBundle(ExpiryMenuUiTest.class).getBundleContext()
                .registerService(ExpiryContributor.class, new ExpiryContributor() {
                    @Override
                    public String kind() {
                        return "menu-test";
                    }

                    @Override
                    public List<ContributedCertificate> certificates() {
                        return List.of(new ContributedCertificate(name, name, "the menu test", certificate, null));
                    }
                }, null);
        Shell main = ui.waitForShell("CertBench");
        CommandRobot commands = new CommandRobot(ui);
        assertThrows(AssertionError.class, () -> commands.menuItemText(main, "File", "Export..."),
                "File names no export of an unsaid what");

        ui.selectMenu(main, "Window", "Show View", "Expiry");
        Table table = ui.byId(main, Table.class, ExpiryPart.TABLE_ID);
        Text filter = ui.byId(main, Text.class, ExpiryPart.FILTER_ID);
        ui.type(filter, name);
        ui.waitUntil("the test's row alone", () -> ui.rows(table).size() == 1);

        // the menu names each key while the view is active (Ctrl+C while its table has the focus)
        assertEquals("Export Expiry Overview...", commands.menuItemText(main, "Expiry", "Export Expiry Overview..."));
        assertEquals("Show Certificate", commands.menuItemText(main, "Expiry", "Show Certificate"));
        String filterItem = commands.menuItemText(main, "Expiry", "Filter");
        assertTrue(filterItem.endsWith("+F"), filterItem);
        ui.selectRows(table, 0);
        String copyItem = commands.menuItemTextWithFocusIn(table, "+C", main, "Expiry", "Copy");
        assertTrue(copyItem.endsWith("+C"), copyItem);

        // Copy runs from the menu: the selected row with the column titles
        ui.clearClipboard();
        String row = String.join("\t", ui.rows(table).get(0));
        ui.selectMenu(main, "Expiry", "Copy");
        List<String> copied = ui.clipboardText().lines().toList();
        assertEquals(2, copied.size(), copied.toString());
        assertEquals(row, copied.get(1));

        // Filter from another view: the Expiry view comes to the front, the focus in its filter
        ui.runOnUi(() -> {
            EPartService parts = ((MWindow) main.getData("modelElement")).getContext().get(EPartService.class);
            MPart expiry = parts.findPart(ExpiryPart.PART_ID);
            parts.activate(expiry.getParent().getChildren().stream()
                    .filter(element -> element != expiry && element.isToBeRendered() && element instanceof MPart)
                    .map(MPart.class::cast).findFirst().orElseThrow());
        });
        ui.waitUntil("another view in front", () -> !table.isVisible());
        ui.selectMenu(main, "Expiry", "Filter");
        ui.waitUntil("the Expiry view in front, the focus in its filter",
                () -> table.isVisible() && filter.isFocusControl());
        ui.type(filter, name);
        new MenuScreenshot(ui).take(main, "Expiry", Path.of("target", "screenshots", "expiry-menu.png"));
        ui.type(filter, "");
    }
}
