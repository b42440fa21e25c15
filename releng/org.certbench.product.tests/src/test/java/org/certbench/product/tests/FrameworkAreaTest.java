package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every home has its own framework storage (cache/framework/), with the product's configuration/ as the shared,
 * read-only configuration: plug-ins one home installs and removes break no shell of another home or of the same
 * one, the product's configuration/ is never written, and a planted link is refused.
 */
class FrameworkAreaTest {

    private static final int ROUNDS = 3;

    @TempDir
    Path work;

    /**
     * On the product where every home shared configuration/org.eclipse.osgi, a shell starting while another home's
     * plug-in was installed or removed could find the stored copy gone, and nothing of CertBench started.
     */
    @Test
    void plugInsInstalledAndRemovedInOneHomeBreakNoShellOfAnotherHomeOrOfTheSame() throws Exception {
        List<String> installBefore = listing(Products.SHELL.resolve("configuration"));
        Path installing = work.resolve("installing-home");
        Path other = work.resolve("other-home");
        Path plugin = bundle("com.example.area.plugin");
        List<Command.Result> besides = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        // a thread of its own: the common pool's few threads read the shells' output (Command)
        Thread starting = new Thread(() -> {
            // shells of the other home and of the installing one start while it installs and removes
            for (int i = 0; !done.get(); i++) {
                besides.add(shell(i % 2 == 0 ? other : installing, "certbench:version"));
            }
        }, "shells beside the plug-in installs");
        starting.start();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Command.Result installed = shell(installing, "plugin:install " + plugin);
                assertEquals(0, installed.status(), installed::toString);
                Command.Result listed = shell(installing, "plugin:list");
                assertTrue(listed.out().contains("com.example.area.plugin") && listed.out().contains("active"),
                        listed::toString);
                Command.Result removed = shell(installing, "plugin:remove com.example.area.plugin");
                assertEquals(0, removed.status(), removed::toString);
            }
        } finally {
            done.set(true);
            starting.join();
        }
        assertTrue(besides.size() >= 2, "shells of both homes started meanwhile");
        for (Command.Result result : besides) {
            assertEquals(0, result.status(), result::toString);
            assertTrue(result.out().startsWith("Product    CertBench"), result::toString);
        }
        assertEquals(installBefore, listing(Products.SHELL.resolve("configuration")),
                "the product's configuration/ is read, never written");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                other.resolve("cache/framework/shell"))));
        try (Stream<Path> files = Files.walk(other.resolve("cache/framework/shell/org.eclipse.osgi"), 3)) {
            assertTrue(files.anyMatch(file -> file.endsWith("data/componentMetadataStore")),
                    "SCR keeps the components' descriptions in the home's area (ds.cache.metadata)");
        }
        try (Stream<Path> areas = Files.list(installing.resolve("cache/framework"))) {
            assertEquals(List.of("shell"), areas.map(area -> area.getFileName().toString()).toList(),
                    "the temporary area of a shell that found the home's area in use is gone with it");
        }
    }

    /** A rebuilt product's bundles.info is applied to the storage a home kept from the product before. */
    @Test
    void anUpdatedProductIsAppliedToAnExistingHome() throws Exception {
        Path product = work.resolve("product");
        copy(Products.SHELL, product);
        Path launcher = product.resolve("certbench-shell");
        Path home = work.resolve("home");
        Command.Result before = new Command(launcher, "--home", home.toString(), "plugin:list").run();
        assertEquals("(none)\n", before.out(), before::toString);

        // the update leaves the plug-ins bundle out: its commands go with it
        Path bundlesInfo = product.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
        List<String> lines = Files.readAllLines(bundlesInfo);
        List<String> updated = lines.stream().filter(line -> !line.startsWith("org.certbench.plugins,")).toList();
        assertEquals(lines.size() - 1, updated.size(), String.join("\n", lines));
        Files.write(bundlesInfo, updated);

        Command.Result after = new Command(launcher, "--home", home.toString(), "plugin:list").run();
        assertEquals(2, after.status(), after::toString);
        assertEquals("certbench-shell: no such command: plugin:list (run 'help' to list the commands)\n",
                after.err());
        Command.Result version = new Command(launcher, "--home", home.toString(), "certbench:version").run();
        assertEquals(0, version.status(), version::toString);
    }

    @Test
    void aLinkPlantedWhereTheFrameworkAreaGoesIsRefused() throws Exception {
        Path home = work.resolve("home");
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Files.createDirectories(home.resolve("cache"));
        Files.createSymbolicLink(home.resolve("cache/framework"), elsewhere);

        Command.Result refused = shell(home, "certbench:version");
        assertEquals(1, refused.status(), refused::toString);
        assertEquals("", refused.out());
        assertEquals("certbench-shell: " + home.toRealPath().resolve("cache/framework") + " is not a directory of"
                + " yours (a symbolic link, a file, or another user's); CertBench keeps its framework there only in a"
                + " directory of its own. Remove it, and CertBench makes it again at the next start.\n", refused.err());
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertEquals(List.of(), files.toList(), "nothing written through the link");
        }
    }

    /**
     * Equinox reads the area's path as a URL without escaping it: the storage of a home "cb#1" went to "cb" (shared
     * with "cb#2", or through a link placed there). And a home others may write lets them swap cache/ for a link
     * after the check.
     */
    @Test
    void aHomeWhosePathIsReadAsAUrlOrThatOthersMayWriteIsRefused() throws Exception {
        Path hashed = Files.createDirectories(work.resolve("cb#1"));
        Command.Result refused = shell(hashed, "certbench:version");
        assertEquals(1, refused.status(), refused::toString);
        assertEquals("certbench-shell: the home directory " + hashed.toRealPath() + " has a # ? or % in its path,"
                + " which the OSGi framework would read as part of a URL and so keep its storage elsewhere; use a home"
                + " directory whose path has none of them.\n", refused.err());
        assertTrue(Files.notExists(work.resolve("cb")), "nothing written where the URL pointed");
        assertTrue(Files.notExists(hashed.resolve("cache/framework")), "no framework storage made");

        Path open = Files.createDirectories(work.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxr-x"));
        refused = shell(open, "certbench:version");
        assertEquals(1, refused.status(), refused::toString);
        assertEquals("certbench-shell: the home " + open.toRealPath() + " is writable by users other than its owner"
                + " (permissions 775), who could then choose what CertBench runs. Allow writing to its owner only"
                + " (chmod go-w " + open.toRealPath() + ").\n", refused.err());
        assertTrue(Files.notExists(open.resolve("cache/framework")), "no framework storage made");
    }

    /** Every file and directory under the directory, with its size and modification time. */
    static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.map(file -> {
                try {
                    return directory.relativize(file) + " " + Files.size(file) + " "
                            + Files.getLastModifiedTime(file).toMillis();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException, InterruptedException {
        Process cp = new ProcessBuilder("cp", "-a", from.toString(), to.toString()).inheritIO().start();
        assertEquals(0, cp.waitFor());
    }

    private Path bundle(String name) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Bundle-ManifestVersion", "2");
        attributes.putValue("Bundle-SymbolicName", name);
        attributes.putValue("Bundle-Version", "1.0.0");
        attributes.putValue("Import-Package", "org.certbench.core;version=\"[1.0.0,2.0.0)\"");
        Path file = work.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }

    private static Command.Result shell(Path home, String command) {
        try {
            return new Command(Products.launcher("certbench-shell"), "--home", home.toString(), command).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
