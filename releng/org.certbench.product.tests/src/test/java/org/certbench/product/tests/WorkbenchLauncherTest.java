package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./certbench as an administrator starts it: the materialised product, its window, under a private Xvfb. */
class WorkbenchLauncherTest {

    private static final int SIGTERM_STATUS = 128 + 15;
    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    @TempDir
    Path home;

    @Test
    void theWindowShowsTitledCertBench() throws Exception {
        FileTime startedAt = FileTime.from(Instant.now().minusSeconds(2)); // a file system's coarse timestamps
        List<String> installBefore = FrameworkAreaTest.listing(Products.WORKBENCH.resolve("configuration"));
        try (VirtualDisplay display = VirtualDisplay.start()) {
            long started = System.nanoTime();
            Process workbench = new Command(Products.launcher("certbench"), "--home", home.toString())
                    .env("DISPLAY", display.name()).start();
            try {
                String window = display.awaitWindow(workbench);
                long shownMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                System.out.println("certbench window shown after " + shownMillis + " ms");

                assertEquals("CertBench", display.x("xdotool", "getwindowname", window).strip());
                Command.Result second = new Command(Products.launcher("certbench"), "--home", home.toString())
                        .env("DISPLAY", display.name()).run();
                assertEquals(1, second.status(), second::toString);
                assertEquals("certbench: a CertBench workbench is already running with " + home.toRealPath()
                        + "; use it, or start another with --home DIR.\n", second.err());

                Path shot = Products.SCREENSHOTS.resolve("certbench-window.png");
                Files.createDirectories(shot.getParent());
                display.x("import", "-window", "root", shot.toString());
                assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(shot), 8), "a PNG screenshot");
                List<String> errors = errorsLogged();
                assertEquals(List.of(), errors, errors.isEmpty() ? "" : Files.readString(log()));
            } finally {
                workbench.destroy();
                workbench.waitFor(20, TimeUnit.SECONDS);
                workbench.destroyForcibly();
            }
            // the first start on a home writes the class archive at exit, here while the Job that activates the
            // renewal bundles after the window starts: the JVM ends on the signal (143), not on a crash (134)
            assertEquals(SIGTERM_STATUS, workbench.exitValue(), "the workbench's exit status after SIGTERM");
            assertTrue(Files.isRegularFile(home.resolve("cache/workbench.jsa")), "the class archive was written");
            assertTrue(componentCacheWrittenSince(home, startedAt),
                    "SCR wrote its component cache when the framework stopped");
            assertEquals(installBefore, FrameworkAreaTest.listing(Products.WORKBENCH.resolve("configuration")),
                    "the product's configuration/ is read, never written: the framework's storage is the home's");
        }
    }

    /** SCR's cache of parsed component descriptions (ds.cache.metadata), in its data area of the home's framework. */
    private static boolean componentCacheWrittenSince(Path home, FileTime since) throws IOException {
        try (Stream<Path> files = Files.walk(home.resolve("cache/framework/workbench/org.eclipse.osgi"), 3)) {
            return files.filter(file -> file.endsWith("data/componentMetadataStore")).anyMatch(file -> {
                try {
                    return Files.getLastModifiedTime(file).compareTo(since) >= 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void withoutADisplayItNamesTheShellInOneLine() throws Exception {
        Command.Result result = new Command(Products.launcher("certbench"), "--home", home.toString())
                .without("DISPLAY").without("WAYLAND_DISPLAY").run();

        assertEquals(1, result.status(), result::toString);
        assertEquals("certbench: no display (DISPLAY is not set); for the headless shell run ./certbench-shell instead.\n",
                result.err());
    }

    /**
     * The errors the start logged: a service that failed to start (SPI-Fly's weaving with an ASM too old for the
     * JDK, so no notification service) leaves the window as it is and shows only here.
     */
    private List<String> errorsLogged() throws IOException {
        Path log = log();
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log).stream().filter(line -> line.matches("!ENTRY \\S+ 4 .*")).toList();
    }

    private Path log() {
        return home.resolve("workbench/.metadata/.log");
    }
}
