package org.certbench.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.certbench.ui.testing.UiRobot;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

/** The workbench as an administrator first meets it: the window, its perspective, Help > About. */
class WorkbenchWindowTest {

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();

    @Test
    void theMainWindowIsTitledCertBench() throws Exception {
        Shell main = ui.waitForShell("CertBench");

        assertTrue(ui.onUi(main::isVisible));
        assertEquals("CertBench", ui.onUi(main::getText));
        Path shot = ui.screenshot(main, Path.of("target", "screenshots", "workbench-window.png"));
        assertTrue(Files.size(shot) > 0);
    }

    @Test
    void theCertificatesPerspectiveHoldsTheAreaLaterViewsFill() {
        Shell main = ui.waitForShell("CertBench");
        ui.runOnUi(() -> {
            MWindow window = (MWindow) main.getData("modelElement");
            EModelService models = window.getContext().get(EModelService.class);
            MPerspective perspective = (MPerspective) models.find("org.certbench.app.perspective.certificates",
                    window);
            assertNotNull(perspective, "the Certificates perspective");
            assertEquals("Certificates", perspective.getLocalizedLabel(), "the label read through the bundle's l10n");
            MUIElement stack = models.find("org.certbench.app.partstack.main", perspective);
            assertTrue(stack instanceof MPartStack, "the main part stack views are added to");
        });
    }

    @Test
    void aboutShowsTheVersion() {
        Shell main = ui.waitForShell("CertBench");
        String version = FrameworkUtil.getBundle(AboutHandler.class).getVersion().toString();

        ui.selectMenu(main, "Help", "About CertBench");
        Shell about = ui.waitForShell("About CertBench");
        List<String> texts = ui.texts(about);
        ui.click(ui.button(about, "OK"));

        assertTrue(texts.stream().anyMatch(text -> text.contains("CertBench " + version)),
                "About names the version " + version + ", shows: " + texts);
        ui.waitUntil("the About dialog to close", about::isDisposed);
    }
}
