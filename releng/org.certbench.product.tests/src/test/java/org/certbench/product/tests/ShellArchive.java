package org.certbench.product.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The shell's class-data sharing archive, written once per test run and copied into each new home before a test's
 * first shell start there. Without it every new home's first start writes the archive as the JVM exits, which
 * doubles that start's time (about 3 s instead of 1.5 s on the CI machine), and nearly every test makes new homes.
 * With the copy a test's starts are the later starts an administrator's home sees. The first start of a home, which
 * writes the archive, keeps its own test (ShellLauncherTest, through {@link Command#firstStart()}).
 */
final class ShellArchive {

    private static final String ARCHIVE = "cache/shell.jsa";
    private static Path written;

    private ShellArchive() {
    }

    /** Copies the archive into the home a certbench-shell command line names with --home, when it has none yet. */
    static void seed(List<String> words) throws IOException {
        int option = words.indexOf("--home");
        if (!words.get(0).endsWith("certbench-shell") || option < 0 || option + 1 >= words.size()) {
            return;
        }
        Path archive = Path.of(words.get(option + 1)).resolve(ARCHIVE);
        if (Files.exists(archive)) {
            return;
        }
        Path source = written();
        // as the launcher makes it: the cache directory its owner's only
        Files.createDirectories(archive.getParent().getParent());
        if (!Files.isDirectory(archive.getParent())) {
            Files.createDirectory(archive.getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Files.copy(source, archive);
    }

    /** The archive the shell wrote at the exit of its first start in a home of its own. */
    private static synchronized Path written() throws IOException {
        if (written == null) {
            Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "shell-archive-home");
            try {
                Command.Result result = new Command(Products.launcher("certbench-shell"), "--home", home.toString(),
                        "certbench:version").firstStart().run();
                if (result.status() != 0 || !Files.isRegularFile(home.resolve(ARCHIVE))) {
                    throw new IllegalStateException("the shell wrote no class archive in " + home + ": " + result);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the shell wrote its class archive", e);
            }
            written = home.resolve(ARCHIVE);
        }
        return written;
    }
}
