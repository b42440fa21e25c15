package org.certbench.ui.testing;

import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

/**
 * What {@link UiRobot} does not reach: key bindings (a key with modifiers, as the workbench's key binding dispatcher
 * sees it), the keyboard focus, a control's context menu (the right click), the main menu's key names, the
 * views' toolbars, and which view is in front.
 */
public final class CommandRobot {

    private static final java.time.Duration KEY_NAMED_WITHIN = java.time.Duration.ofSeconds(5);

    private final UiRobot ui;

    public CommandRobot(UiRobot ui) {
        this.ui = ui;
    }

    /**
     * Presses {@code keyCode} with {@code modifiers} (e.g. {@code SWT.MOD1}) in {@code control}, focused first (see
     * {@link #focus(Control)}), as a KeyDown event the display's filters (the key binding dispatcher) see first;
     * returns once it was handled or has opened a modal dialog.
     */
    public void press(Control control, int modifiers, int keyCode) {
        focus(control);
        Event down = new Event();
        down.keyCode = keyCode;
        down.stateMask = modifiers;
        down.character = character(modifiers, keyCode);
        ui.display().asyncExec(() -> control.notifyListeners(SWT.KeyDown, down));
        ui.settle();
    }

    /**
     * Gives {@code control} the keyboard focus, its window made active first, and waits until it has it: without a
     * window manager (Xvfb) a window another test opened and closed leaves none active, and then no control takes
     * the focus.
     */
    public void focus(Control control) {
        ui.runOnUi(() -> {
            control.getShell().forceActive();
            control.setFocus();
        });
        ui.waitUntil("the focus in " + control, () -> ui.onUi(() -> {
            if (ui.display().getFocusControl() != control) {
                control.getShell().forceActive();
                control.setFocus();
            }
            return ui.display().getFocusControl() == control;
        }));
    }

    private static char character(int modifiers, int keyCode) {
        if (keyCode == SWT.DEL) {
            return SWT.DEL;
        }
        if ((modifiers & SWT.CTRL) != 0 && keyCode >= 'a' && keyCode <= 'z') {
            return (char) (keyCode - 'a' + 1); // what the platform delivers for Ctrl+letter
        }
        return keyCode < 0x10000 && (keyCode & SWT.KEYCODE_BIT) == 0 ? (char) keyCode : '\0';
    }

    /**
     * Enter in a table or list, or a double click: its default selection, as SWT reports either; returns once it was
     * handled or has opened a modal dialog.
     */
    public void defaultSelection(Control control) {
        ui.display().asyncExec(() -> control.notifyListeners(SWT.DefaultSelection, new Event()));
        ui.settle();
    }

    /** The labels of the context menu of {@code control} as it shows on a right click, each with "(disabled)" if so. */
    public List<String> contextMenu(Control control) {
        return ui.onUi(() -> {
            Menu menu = shown(control);
            List<String> labels = Arrays.stream(menu.getItems()).filter(item -> (item.getStyle() & SWT.SEPARATOR) == 0)
                    .map(item -> label(item) + (item.isEnabled() ? "" : " (disabled)")).toList();
            // closed again, as when the user presses Escape
            menu.notifyListeners(SWT.Hide, new Event());
            return labels;
        });
    }

    /** Right click on {@code control}, then the item labelled {@code label}; fails if it is disabled. */
    public void contextMenu(Control control, String label) {
        MenuItem item = ui.onUi(() -> {
            Menu menu = shown(control);
            MenuItem found = Arrays.stream(menu.getItems()).filter(each -> label.equals(label(each))).findFirst()
                    .orElseThrow(() -> new AssertionError("no context menu item '" + label + "'"));
            if (!found.isEnabled()) {
                throw new AssertionError("context menu item '" + label + "' is disabled");
            }
            return found;
        });
        ui.display().asyncExec(() -> item.notifyListeners(SWT.Selection, new Event()));
        // and the menu closes (a dialog the item opened runs this in its event loop)
        Menu menu = ui.onUi(item::getParent);
        ui.display().asyncExec(() -> menu.notifyListeners(SWT.Hide, new Event()));
        ui.settle();
    }

    /**
     * The label of the main menu's item at {@code path} while {@code focused} has the focus, once it names a key
     * ending in {@code keySuffix} (e.g. "+C"): a key bound in a context the focus activates (a table's Ctrl+C) is
     * named only once that context is active, which may come a moment after the focus; e4 words the item when the
     * menu opens. Returns the last label read when no such key is named within 5 s.
     */
    public String menuItemTextWithFocusIn(Control focused, String keySuffix, Shell shell, String... path) {
        // polled from the test's thread: the focus and the context it activates come through the event loop
        long deadline = System.nanoTime() + KEY_NAMED_WITHIN.toNanos();
        while (true) {
            focus(focused);
            String text = menuItemText(shell, path);
            if (text.endsWith(keySuffix) || System.nanoTime() > deadline) {
                return text;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return text;
            }
        }
    }

    /** The label of the main menu's item at {@code path}, with its key (after a tab) as the menu shows it. */
    public String menuItemText(org.eclipse.swt.widgets.Shell shell, String... path) {
        return ui.onUi(() -> {
            Menu current = shell.getMenuBar();
            MenuItem found = null;
            for (String step : path) {
                current.notifyListeners(SWT.Show, new Event());
                found = Arrays.stream(current.getItems()).filter(item -> step.equals(label(item))).findFirst()
                        .orElseThrow(() -> new AssertionError("no menu item '" + step + "'"));
                current = found.getMenu();
            }
            return UiRobot.withoutMnemonic(found.getText());
        });
    }

    /**
     * The tool items of {@code shell}'s visible toolbars (a view's shows while it is the selected one), by their
     * tooltip, each with "(disabled)" if so and "(no icon)" if its image did not load.
     */
    public List<String> toolItems(Shell shell) {
        return toolItems(shell, true);
    }

    /**
     * Waits until {@code shell}'s visible toolbars show every item of {@code expected} (as {@link #toolItems} words
     * them); a failure names what they show.
     */
    public void waitForToolItems(Shell shell, List<String> expected) {
        try {
            ui.waitUntil("tool items " + expected, () -> toolItems(shell).containsAll(expected));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the visible toolbars show " + toolItems(shell, true)
                    + ", all toolbars " + toolItems(shell, false), e);
        }
    }

    private List<String> toolItems(Shell shell, boolean visibleOnly) {
        return ui.findAll(shell, ToolBar.class, bar -> !visibleOnly || bar.isVisible()).stream()
                .flatMap(bar -> ui.onUi(() -> Arrays.stream(bar.getItems())
                        .filter(item -> (item.getStyle() & SWT.SEPARATOR) == 0)
                        .map(item -> item.getToolTipText() + (item.isEnabled() ? "" : " (disabled)")
                                + (item.getImage() == null ? " (no icon)" : ""))
                        .toList()).stream())
                .toList();
    }

    /** Clicks the tool item whose tooltip is {@code toolTip} with the mouse; fails if there is none or it is off. */
    public void clickTool(Shell shell, String toolTip) {
        ToolItem item = ui.findAll(shell, ToolBar.class, ToolBar::isVisible).stream()
                .flatMap(bar -> ui.onUi(() -> Arrays.asList(bar.getItems())).stream())
                .filter(each -> ui.onUi(() -> toolTip.equals(each.getToolTipText()))).findFirst()
                .orElseThrow(() -> new AssertionError("no tool item '" + toolTip + "'"));
        ui.clickWithMouse(item);
    }

    /**
     * Brings the view {@code partId} to the front of {@code window}, opened first if it was closed, and makes it the
     * active one, as Window &gt; Show View does; returns once it is.
     */
    public void showView(Shell window, String partId) {
        ui.runOnUi(() -> parts(window).showPart(partId, EPartService.PartState.ACTIVATE));
        ui.waitUntil("the view " + partId + " active", () -> {
            MPart active = parts(window).getActivePart();
            return active != null && partId.equals(active.getElementId());
        });
    }

    private static EPartService parts(Shell window) {
        if (!(window.getData("modelElement") instanceof MWindow model)) { //$NON-NLS-1$
            throw new AssertionError("'" + window.getText() + "' is no workbench window");
        }
        return model.getContext().get(EPartService.class);
    }

    private static Menu shown(Control control) {
        Menu menu = control.getMenu();
        if (menu == null) {
            throw new AssertionError("no context menu on " + control);
        }
        // e4 fills a context menu when it is about to show
        menu.notifyListeners(SWT.Show, new Event());
        return menu;
    }

    private static String label(MenuItem item) {
        return UiRobot.withoutMnemonic(item.getText()).split("\t")[0];
    }
}
