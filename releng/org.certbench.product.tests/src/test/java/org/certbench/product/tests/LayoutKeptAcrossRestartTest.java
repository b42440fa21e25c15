package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout kept across a real restart (issue 25): ./certbench on a fresh home under a private Xvfb, its window
 * resized and the Audit Log's table sorted by Who with the mouse (xdotool: the view's tab, then the column's header),
 * ended through File &gt; Quit; started again on the same home, the window has that size, and a click on the same
 * header sorts the other way - which it does only when the Audit Log came back selected and sorted by Who (a table
 * sorted as at a first start sorts by Who rising at that click) - then ended with Ctrl+Q. Two starts, no more: a start
 * of the product is the dearest step a test can take. The clicks land where the widgets are: a plug-in of the test's
 * in the home (WidgetProbe) tells their bounds on the screen.
 */
class LayoutKeptAcrossRestartTest {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 640;
    private static final String AUDIT_PART = "org.certbench.app.part.audit";
    /** The Audit Log's table and its second column, Who. */
    private static final String WHO_HEADER = "header.audit.table.1";
    private static final String SORT = "table.audit.table.sort";
    private static final String SELECTED = "view.selected.org.certbench.app.partstack.main";

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void windowSizeSelectedViewAndSortComeBackAfterQuitAndStart() throws Exception {
        Path layout = home.resolve("layout.properties");
        WidgetProbe probe = WidgetProbe.installIn(home, work);
        try (VirtualDisplay display = VirtualDisplay.start()) {
            Process first = start(display, probe);
            try {
                String window = display.awaitWindow(first);
                display.x("xdotool", "windowsize", "--sync", window, Integer.toString(WIDTH), Integer.toString(HEIGHT));
                probe.bounds("client", bounds -> bounds[2] == WIDTH);
                awaitStillScreen(display);
                click(display, probe.middle("tab." + AUDIT_PART));
                awaitStillScreen(display);
                click(display, probe.middle(WHO_HEADER));
                awaitStillScreen(display);
                screenshot(display, "layout-restart-first.png");
                // File > Quit: the menu opened with the mouse, its last item (Quit) chosen with the keyboard
                click(display, fileMenu(probe));
                awaitStillScreen(display);
                display.x("xdotool", "key", "Up", "Return");
                assertEquals(0, exit(first), "the first start's exit status after File > Quit");
            } finally {
                first.destroyForcibly();
            }
            Properties kept = read(layout);
            assertEquals(AUDIT_PART, kept.getProperty(SELECTED),
                    "the click on the Audit Log's tab; see layout-restart-first.png: " + kept);
            assertEquals("1,up", kept.getProperty(SORT),
                    "the click on the Who column's header; see layout-restart-first.png: " + kept);

            Process second = start(display, probe);
            try {
                String window = display.awaitWindow(second);
                awaitStillScreen(display);
                String geometry = display.x("xdotool", "getwindowgeometry", window);
                assertTrue(geometry.contains("Geometry: " + WIDTH + "x" + HEIGHT), geometry);
                screenshot(display, "layout-restart-second.png");
                click(display, probe.middle(WHO_HEADER));
                awaitStillScreen(display);
                display.x("xdotool", "windowfocus", "--sync", window);
                display.x("xdotool", "key", "ctrl+q");
                assertEquals(0, exit(second), "the second start's exit status after Ctrl+Q");
            } finally {
                second.destroyForcibly();
            }
            assertEquals("1,down", read(layout).getProperty(SORT),
                    "the second start came back with the Audit Log sorted by Who rising; see layout-restart-second.png");
        }
    }

    /** The probe's file of an earlier start is removed first: what it says then is this start's. */
    private Process start(VirtualDisplay display, WidgetProbe probe) throws IOException {
        Files.deleteIfExists(probe.file());
        return new Command(Products.launcher("certbench"), "--home", home.toString()).env("DISPLAY", display.name())
                .env(WidgetProbe.ENVIRONMENT, probe.file().toString()).discardOutput().start();
    }

    /**
     * Where File, the menu bar's first item, is: SWT tells no menu item's bounds, only the bar's (above the window's
     * client area), so the click lands one bar's height in from its left end, within the first item's label.
     */
    private static int[] fileMenu(WidgetProbe probe) throws Exception {
        int[] bar = probe.bounds("menubar", bounds -> bounds[3] > 0);
        return new int[] { bar[0] + bar[3], bar[1] + bar[3] / 2 };
    }

    private static int exit(Process workbench) throws InterruptedException {
        // the first exit on a home writes the class archive (about a second)
        if (!workbench.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the workbench did not end within 60 s of quitting");
        }
        return workbench.exitValue();
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static void click(VirtualDisplay display, int[] at) throws Exception {
        display.x("xdotool", "mousemove", Integer.toString(at[0]), Integer.toString(at[1]), "click", "1");
    }

    /**
     * Waits until two looks at the screen in a row are the same: the window has drawn what the last step changed (the
     * product tells nothing an outside test could wait for). Gives up after 20 s; the assertions then say what is off.
     */
    private static void awaitStillScreen(VirtualDisplay display) throws Exception {
        String last = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            // the screen's pixels, as text of the same length each time: equal looks are equal strings
            String screen = new Command(Path.of("/usr/bin/import"), "-window", "root", "-depth", "8", "rgb:-")
                    .env("DISPLAY", display.name()).run().out();
            if (screen.equals(last)) {
                return;
            }
            last = screen;
            Thread.sleep(150);
        }
    }

    private static void screenshot(VirtualDisplay display, String name) throws Exception {
        Path shot = Products.SCREENSHOTS.resolve(name);
        Files.createDirectories(shot.getParent());
        display.x("import", "-window", "root", shot.toString());
    }
}
