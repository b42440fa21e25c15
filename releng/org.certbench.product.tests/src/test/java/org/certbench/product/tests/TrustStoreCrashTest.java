package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of a burst of imports never leaves a broken or half-written store. */
class TrustStoreCrashTest {

    private static final int CERTIFICATES = 120;

    @TempDir
    Path work;

    @Test
    void killedDuringABurstOfImportsEveryRemainingFileParses() throws Exception {
        Path pki = Files.createDirectories(work.resolve("pki"));
        Openssl openssl = new Openssl(pki);
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < CERTIFICATES; i++) {
            script.append("ca:import ").append(openssl.ca("ca" + i, "Burst CA " + i)).append('\n');
        }
        // about 100 imports a second once the shell runs: the kills land from the first stored import on, early and
        // late in the burst. Timed from the first import, not from the start, so that they land in the burst
        // however long the JVM takes to start (timed from the start, a loaded CI machine killed before any import).
        for (long killAfterMillis : new long[] { 0, 100, 300, 600 }) {
            Path home = work.resolve("home-" + killAfterMillis);
            Process shell = new Command(Products.launcher("certbench-shell"), "--home", home.toString())
                    .discardOutput().start();
            shell.getOutputStream().write(script.toString().getBytes());
            shell.getOutputStream().flush();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (storeFiles(home.resolve("truststore")).isEmpty()) {
                assertTrue(shell.isAlive() && System.nanoTime() < deadline, "the shell stored no import");
                Thread.sleep(5);
            }
            Thread.sleep(killAfterMillis);
            // the launcher execs java: this is the JVM, and SIGKILL gives it no chance to clean up
            new Command(Path.of("/bin/kill"), "-9", Long.toString(shell.pid())).run();
            shell.waitFor(10, TimeUnit.SECONDS);

            List<Path> files = storeFiles(home.resolve("truststore"));
            for (Path file : files) {
                Command.Result parsed = openssl.run("x509", "-in", file.toString(), "-noout", "-subject");
                assertTrue(parsed.out().contains("Burst CA"), file + ": " + parsed);
            }
            Command.Result reload = new Command(Products.launcher("certbench-shell"), "--home", home.toString(),
                    "--json", "ca:reload").run();
            assertEquals(0, reload.status(), reload::toString);
            assertTrue(reload.out().startsWith("{\"certificates\":" + files.size() + ","), reload.out());
            assertTrue(reload.out().contains("\"unreadable\":[]"), reload.out());
            if (killAfterMillis == 0) {
                assertTrue(!files.isEmpty() && files.size() < CERTIFICATES, "killed in the burst: " + files.size());
            }
            System.out.println("killed " + killAfterMillis + " ms after the first import: " + files.size() + " of "
                    + CERTIFICATES + " imports stored, all readable");
        }
    }

    private static List<Path> storeFiles(Path directory) throws Exception {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(file -> !file.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
