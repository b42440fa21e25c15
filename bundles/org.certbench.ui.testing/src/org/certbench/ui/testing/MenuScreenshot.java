package org.certbench.ui.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;

/**
 * A picture of one of a window's main menus opened as a person opens it, for a person to look at: F10 and the arrow
 * keys sent as real key strokes (xdotool, XTEST), since SWT cannot open a menu bar's menu itself. The menu is drawn
 * in a window of its own over the shell, which the screenshot of the shell's area holds.
 */
public final class MenuScreenshot {

    private static final long WAIT_SECONDS = 30;

    private final UiRobot ui;

    public MenuScreenshot(UiRobot ui) {
        this.ui = ui;
    }

    /**
     * Opens the menu {@code menu} of {@code shell}'s menu bar (its label without the mnemonic), saves the screenshot
     * of the shell's area with it open to {@code file}, and closes it again.
     *
     * @throws AssertionError when there is no such menu or it did not open
     */
    public Path take(Shell shell, String menu, Path file) throws IOException, InterruptedException {
        // the arrow keys pass over separators (the menu bar's anchors): count the menus only
        List<MenuItem> menus = ui.onUi(() -> Arrays.stream(shell.getMenuBar().getItems())
                .filter(item -> (item.getStyle() & SWT.SEPARATOR) == 0).toList());
        List<String> labels = ui.onUi(() -> menus.stream().map(item -> UiRobot.withoutMnemonic(item.getText()))
                .toList());
        int index = labels.indexOf(menu);
        if (index < 0) {
            throw new AssertionError("no menu '" + menu + "' in " + labels);
        }
        Menu opened = ui.onUi(() -> menus.get(index).getMenu());
        CountDownLatch shown = new CountDownLatch(1);
        Listener onShow = event -> shown.countDown();
        // the shell gets the keyboard focus (without a window manager, X's input focus)
        ui.runOnUi(() -> {
            opened.addListener(SWT.Show, onShow);
            shell.forceActive();
        });
        ui.waitUntil("the window active", () -> shell.getDisplay().getActiveShell() == shell);
        try {
            List<String> keys = new ArrayList<>(List.of("key", "--clearmodifiers", "F10"));
            for (int i = 0; i < index; i++) {
                keys.add("Right");
            }
            xdotool(keys.toArray(String[]::new));
            if (!shown.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the menu '" + menu + "' did not open on F10 and the arrow keys");
            }
            ui.settle();
            return ui.screenshot(shell, file);
        } finally {
            xdotool("key", "Escape", "Escape");
            ui.runOnUi(() -> opened.removeListener(SWT.Show, onShow));
            ui.settle();
        }
    }

    private static String xdotool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/xdotool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended || process.exitValue() != 0) {
            throw new AssertionError(command + " (within " + WAIT_SECONDS + " s): " + output);
        }
        return output;
    }
}
