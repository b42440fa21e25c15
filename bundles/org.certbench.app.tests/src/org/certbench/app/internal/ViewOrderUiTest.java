package org.certbench.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.certbench.ui.testing.UiRobot;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MStackElement;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

/**
 * The views' menus and tabs stand in one order at every start: model fragments given by the Model-Fragment header are
 * applied in no fixed order, so each view's menu goes after an anchor of its own in the main menu and the tabs are
 * put in order before the window is drawn.
 */
class ViewOrderUiTest {

    private static final List<String> ORDER = List.of("File", "CA Certificates", "Host Certificates", "Agents",
            "Settings", "Window", "Help");

    private static final List<String> VIEWS = List.of("org.certbench.truststore.ui.part.certificates",
            "org.certbench.host.ui.part.hosts", "org.certbench.agents.ui.part.agents", "org.certbench.app.part.audit");

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();

    @Test
    void theViewsMenusFollowFileInTheOrderOfTheAnchors() {
        Shell main = ui.waitForShell("CertBench");
        List<String> shown = ui.onUi(() -> Arrays.stream(main.getMenuBar().getItems()).map(MenuItem::getText)
                .map(text -> text.replace("&", "")).filter(ORDER::contains).toList());

        // the views whose bundles this test runtime holds, in the anchors' order
        assertEquals(ORDER.stream().filter(shown::contains).toList(), shown);
        assertEquals("File", shown.get(0));
    }

    @Test
    void theMainViewsTabsStandInTheirOrderTheAuditLogLast() {
        Shell main = ui.waitForShell("CertBench");
        List<String> tabs = ui.onUi(() -> {
            MWindow window = (MWindow) main.getData("modelElement");
            EModelService models = window.getContext().get(EModelService.class);
            MPartStack stack = (MPartStack) models.find("org.certbench.app.partstack.main", window);
            return stack.getChildren().stream().map(MStackElement::getElementId).toList();
        });

        assertEquals(VIEWS.stream().filter(tabs::contains).toList(), tabs.stream().filter(VIEWS::contains).toList(),
                tabs.toString());
        assertEquals("org.certbench.app.part.audit", tabs.get(tabs.size() - 1), tabs.toString());
    }
}
