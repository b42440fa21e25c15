package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPI-Fly, started, weaves the bundles that use a ServiceLoader (Angus Mail, so the notification service) with the ASM
 * the products ship. Computing stack frames makes ASM read the JDK's own class files, so that ASM must read the class
 * files of the JDK the launchers pick (Temurin 25 here and on CI: major version 69, which ASM 9.6 refuses and the
 * notification service then never starts). Checked on that JDK, with the product's jar, not the test's classpath.
 * The workbench ships SPI-Fly only so that JSVG resolves, and does not start it (README "Start-up time"); the shell
 * ships no SPI-Fly. Neither weaves anything today, but a plug-in or a later product that starts SPI-Fly gets an ASM
 * that works.
 */
class SpiFlyAsmTest {

    private static final String READ_A_JDK_CLASS = """
            public class ReadAJdkClass {
                public static void main(String[] arguments) throws Exception {
                    try (var in = ClassLoader.getSystemResourceAsStream("java/lang/Object.class")) {
                        System.out.print(new org.objectweb.asm.ClassReader(in).getClassName());
                    }
                }
            }
            """;

    private static final String SPIFLY = "org.apache.aries.spifly.dynamic.bundle_";

    @TempDir
    Path work;

    @Test
    void theProductsShipOneAsmOnly() throws IOException {
        for (Path product : weavingProducts()) {
            List<String> versions = asmJars(product).stream()
                    .map(jar -> jar.getFileName().toString().replaceFirst("^.*_", "")).distinct().toList();
            assertEquals(1, versions.size(), product + ": " + asmJars(product));
        }
    }

    /**
     * Started, SPI-Fly reads every bundle's localized headers before the window shows (a third of the bundles' start);
     * nothing in the products needs its weaving (Jakarta Mail is wired by hand, JSVG logs without it).
     */
    @Test
    void theWorkbenchInstallsSpiFlyWithoutStartingIt() throws IOException {
        Path bundlesInfo = Products.WORKBENCH.resolve(
                "configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
        List<String> spiFly = Files.readAllLines(bundlesInfo).stream()
                .filter(line -> line.startsWith("org.apache.aries.spifly.dynamic.bundle,")).toList();

        assertEquals(1, spiFly.size(), bundlesInfo + ": " + spiFly);
        assertTrue(spiFly.get(0).endsWith(",false"), "installed, not started: " + spiFly.get(0));
    }

    @Test
    void theShippedAsmReadsTheClassFilesOfTheJdkTheLauncherPicks() throws Exception {
        Path source = Files.writeString(work.resolve("ReadAJdkClass.java"), READ_A_JDK_CLASS);
        for (Path product : weavingProducts()) {
            Path java = launcherJavaHome(product).resolve("bin/java");
            Path asm = asmJars(product).stream().filter(jar -> jar.getFileName().toString()
                    .startsWith("org.objectweb.asm_")).findFirst().orElseThrow();

            Command.Result read = new Command(java, "-cp", asm.toString(), source.toString()).run();

            assertEquals(0, read.status(), product + " with " + asm.getFileName() + ": " + read);
            assertEquals("java/lang/Object", read.out());
        }
    }

    /** The products that ship SPI-Fly (the shell has none, so nothing is woven there); the workbench is one. */
    private static List<Path> weavingProducts() throws IOException {
        List<Path> weaving = new ArrayList<>();
        for (Path product : List.of(Products.WORKBENCH, Products.SHELL)) {
            try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
                if (plugins.anyMatch(jar -> jar.getFileName().toString().startsWith(SPIFLY))) {
                    weaving.add(product);
                }
            }
        }
        assertTrue(weaving.contains(Products.WORKBENCH), "the workbench ships " + SPIFLY);
        return weaving;
    }

    private static Path launcherJavaHome(Path product) throws IOException, InterruptedException {
        Command.Result found = new Command(Path.of("/bin/sh"), "-c", ". bin/java-home.sh && certbench_java_home")
                .in(product).run();
        assertEquals(0, found.status(), found::toString);
        return Path.of(found.out().strip());
    }

    private static List<Path> asmJars(Path product) throws IOException {
        try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
            return plugins.filter(jar -> jar.getFileName().toString().startsWith("org.objectweb.asm")).sorted()
                    .toList();
        }
    }
}
