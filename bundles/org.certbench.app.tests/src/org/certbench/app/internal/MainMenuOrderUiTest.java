package org.certbench.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.certbench.ui.testing.UiRobot;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

/**
 * The views' menus stand in one order at every start: model fragments given by the Model-Fragment header are applied
 * in no fixed order, so each view's menu goes after an anchor of its own in the main menu.
 */
class MainMenuOrderUiTest {

    private static final List<String> ORDER = List.of("File", "CA Certificates", "Host Certificates", "Agents",
            "Settings", "Window", "Help");

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
}
