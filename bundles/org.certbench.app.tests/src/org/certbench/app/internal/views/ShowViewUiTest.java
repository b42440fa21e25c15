package org.certbench.app.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.certbench.ui.testing.UiRobot;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

/**
 * Window > Show View lists every view of the window by name, as Eclipse does, and brings the one chosen to the front
 * with the focus: a tab behind another, a view not shown yet (System messages), a view made from its descriptor
 * (Expiry), and that view again after it was closed.
 */
class ShowViewUiTest {

    private static final String MESSAGES = "org.certbench.app.part.messages";
    private static final String AGENTS = "org.certbench.agents.ui.part.agents";
    private static final String EXPIRY = "org.certbench.expiry.ui.part.expiry";
    private static final String CA = "org.certbench.truststore.ui.part.certificates";

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();

    @Test
    void everyViewIsListedByNameAndTheOneChosenComesToTheFrontWithTheFocus() {
        Shell main = ui.waitForShell("CertBench");
        EPartService parts = ui.onUi(() -> ((MWindow) main.getData("modelElement")).getContext()
                .get(EPartService.class));

        List<String> views = List.of("Agents", "Audit Log", "CA Certificates", "Expiry", "Host Certificates",
                "System messages");
        assertEquals(views, ui.menuItems(main, "Window", "Show View"));
        // made anew each time the menu opens: the items of the last time are gone, none listed twice
        assertEquals(views, ui.menuItems(main, "Window", "Show View"));

        showView(main, parts, "System messages", MESSAGES);
        showView(main, parts, "Agents", AGENTS);
        showView(main, parts, "Expiry", EXPIRY);
        assertEquals("org.certbench.app.partstack.main",
                ui.onUi(() -> parts.findPart(EXPIRY).getParent().getElementId()), "Expiry beside the other views");

        // closed, it comes back where it was
        ui.runOnUi(() -> parts.hidePart(parts.findPart(EXPIRY)));
        ui.waitUntil("Expiry closed", () -> !parts.isPartVisible(parts.findPart(EXPIRY)));
        showView(main, parts, "Expiry", EXPIRY);

        // the window as the other tests expect it: Expiry out of the model again (made from its descriptor, it goes
        // when closed for good), System messages not shown
        ui.runOnUi(() -> {
            parts.hidePart(parts.findPart(EXPIRY), true);
            parts.hidePart(parts.findPart(MESSAGES));
            parts.showPart(CA, EPartService.PartState.ACTIVATE);
        });
        assertFalse(ui.onUi(() -> parts.isPartVisible(parts.findPart(MESSAGES))));
        assertEquals(null, ui.onUi(() -> parts.findPart(EXPIRY)));
    }

    @Test
    void aPluginsViewWithoutANameIsListedByItsId() {
        Shell main = ui.waitForShell("CertBench");
        MApplication application = ui.onUi(() -> ((MWindow) main.getData("modelElement")).getContext()
                .get(MApplication.class));
        MPartDescriptor unnamed = ui.onUi(() -> {
            MPartDescriptor descriptor = ((MWindow) main.getData("modelElement")).getContext()
                    .get(EModelService.class).createModelElement(MPartDescriptor.class);
            descriptor.setElementId("com.example.unnamed");
            application.getDescriptors().add(descriptor);
            return descriptor;
        });
        try {
            assertTrue(ui.menuItems(main, "Window", "Show View").contains("com.example.unnamed"));
        } finally {
            ui.runOnUi(() -> application.getDescriptors().remove(unnamed));
        }
    }

    private void showView(Shell main, EPartService parts, String label, String partId) {
        ui.selectMenu(main, "Window", "Show View", label);
        ui.waitUntil(label + " in front with the focus", () -> {
            MPart active = parts.getActivePart();
            return active != null && partId.equals(active.getElementId()) && parts.isPartVisible(active);
        });
    }
}
