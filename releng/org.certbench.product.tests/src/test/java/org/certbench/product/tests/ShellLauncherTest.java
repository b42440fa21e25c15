package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./certbench-shell as scripts and administrators call it. */
class ShellLauncherTest {

    @TempDir
    Path home;

    @Test
    void versionPrintsTheProductAndExitsZero() throws Exception {
        Command.Result result = shell("certbench:version").run();

        assertEquals(0, result.status(), result::toString);
        List<String> lines = result.out().lines().toList();
        assertEquals("Product    CertBench", lines.get(0), result::toString);
        assertTrue(lines.get(1).matches("Version    0\\.1\\.0\\.v\\d{8}-\\d{4}"), result::toString);
        assertTrue(lines.contains("Home       " + home.toRealPath()), result::toString);
        // the product ships the native provider and the crypto bundle is wired to it; it loads on first use
        assertTrue(lines.contains("Crypto     JDK and BouncyCastle; AWS-LC (Amazon Corretto Crypto Provider) from the "
                + "first agent connection on"), result::toString);
        assertEquals("", result.err());
    }

    @Test
    void jsonIsForScripts() throws Exception {
        Command.Result result = shell("--json", "certbench:version").run();

        assertEquals(0, result.status(), result::toString);
        assertTrue(result.out().startsWith("{\"product\":\"CertBench\",\"version\":\"0.1.0."), result::toString);
    }

    @Test
    void anUnknownCommandFailsWithItsNameOnStderr() throws Exception {
        Command.Result result = shell("nosuch:command").run();

        assertEquals(2, result.status(), result::toString);
        assertEquals("", result.out());
        assertEquals("certbench-shell: no such command: nosuch:command (run 'help' to list the commands)\n",
                result.err());
    }

    @Test
    void helpListsEveryCommandByTheNameAdministratorsType() throws Exception {
        Command.Result result = shell("help").run();

        assertEquals(0, result.status(), result::toString);
        List<String> commands = result.out().lines().skip(1).map(line -> line.split(" ", 2)[0]).toList();
        for (String command : List.of("ca:import", "agent:import", "ca:check", "host:upload", "net:proxy",
                "messages:read", "plugin:install", "audit:list", "certbench:version", "certbench:help")) {
            assertTrue(commands.contains(command), command + " in " + result);
        }
        assertTrue(result.out().contains("check and import a CA certificate file"), result::toString);
        assertFalse(result.out().contains("_import"), result::toString);
        assertFalse(result.out().contains("(no description"), "every command has its bundle's text: " + result);
        assertEquals("", result.err());
    }

    @Test
    void helpOfACommandShowsHowToCallIt() throws Exception {
        Command.Result result = shell("help ca:export").run();

        assertEquals(0, result.status(), result::toString);
        assertEquals("""
                ca:export [--der] ID FILE
                    export a CA certificate to a file, as PEM (default) or DER
                    --der  write DER (binary) instead of PEM
                    ID     its SHA-256 fingerprint (a unique prefix is enough)
                    FILE   the file to write
                """, result.out());
    }

    @Test
    void anUndefinedVariableIsNamedNotANullPointerException() throws Exception {
        Command.Result result = shell("ca:check $x").run();

        assertEquals(2, result.status(), result::toString);
        assertEquals("certbench-shell: the variable $x is not defined, so the command was not run "
                + "(write \\$ or quote with ' ' for a dollar sign that is meant literally)\n", result.err());
    }

    @Test
    void aWrongNumberOfArgumentsShowsHowToCallTheCommand() throws Exception {
        Command.Result result = shell("ca:check").run();

        assertEquals(2, result.status(), result::toString);
        assertEquals("certbench-shell: wrong arguments for ca:check; call it as: ca:check FILE "
                + "('help ca:check' says more)\n", result.err());
    }

    @Test
    void anArgumentOfTheWrongTypeShowsHowToCallTheCommand() throws Exception {
        Command.Result result = shell("net:proxy proxy.example eighty").run();

        assertEquals(2, result.status(), result::toString);
        assertEquals("certbench-shell: wrong arguments for net:proxy; call it as: net:proxy | net:proxy HOST PORT | "
                + "net:proxy --none ('help net:proxy' says more)\n", result.err());
    }

    @Test
    void aVariableAssignedEarlierOnTheLineIsDefined() throws Exception {
        Command.Result result = shell("x = /nonexistent/ca.pem; ca:check $x").run();

        assertFalse(result.err().contains("is not defined"), result::toString);
        assertTrue(result.err().startsWith("certbench-shell: "), result::toString);
        assertTrue(result.err().contains("/nonexistent/ca.pem"), result::toString);
    }

    @Test
    void helpOfOneOfGogosCommandsPointsToFelixHelp() throws Exception {
        Command.Result result = shell("help lb").run();

        assertEquals(2, result.status(), result::toString);
        assertEquals("certbench-shell: felix:lb is one of Gogo's own commands, which CertBench's help does not list: "
                + "run 'felix:help lb' to see how to call it\n", result.err());
    }

    @Test
    void aClosureThatCallsItselfWithoutEndIsStoppedInWords() throws Exception {
        Command.Result result = shell("f = { f } ; f").run();

        assertEquals(2, result.status(), result::toString);
        assertEquals("certbench-shell: the line was stopped: it started more than 512 commands inside each other "
                + "(a closure that calls itself without end?)\n", result.err());
    }

    @Test
    void withoutACommandItIsTheInteractivePrompt() throws Exception {
        Command.Result result = shell().input("certbench:version\nexit\n").run();

        assertEquals(0, result.status(), result::toString);
        assertTrue(result.out().contains("g! Product    CertBench\n"), result::toString);
    }

    @Test
    void withoutJava21ItSaysWhatItNeedsInOneLine() throws Exception {
        Command.Result result = new Command(Products.SHELL.resolve("certbench-shell"), "certbench:version")
                .env("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64")
                .env("CERTBENCH_JDK_DIRS", home.resolve("no-jdks-here").toString())
                .env("PATH", "/usr/bin:/bin")
                .run();

        assertEquals(1, result.status(), result::toString);
        assertEquals("CertBench needs Java 21 or newer (none found in JAVA_HOME, /usr/lib/jvm or on the PATH): "
                + "install a JDK 21+, e.g. Eclipse Temurin 21 from adoptium.net, and set JAVA_HOME to it.\n",
                result.err());
    }

    @Test
    void theFastStartKeepsItsClassArchiveInTheHomeAndReplacesADamagedOne() throws Exception {
        Path archive = home.resolve("cache/shell.jsa");
        Command.Result first = shell("certbench:version").firstStart().run();

        assertEquals(0, first.status(), first::toString);
        assertEquals("", first.err(), "writing the archive says nothing");
        assertTrue(isDynamicArchive(archive), "the JVM wrote its archive at the first exit");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(archive.getParent()));

        Files.writeString(archive, "not an archive");
        Command.Result damaged = shell("certbench:version").run();

        assertEquals(first.out(), damaged.out());
        assertEquals("", damaged.err(), damaged::toString);
        assertTrue(isDynamicArchive(archive), "a damaged archive is replaced, not kept");
    }

    @Test
    void withoutTheFastStartEquinoxsLauncherJarRunsTheCommandTheSameWay() throws Exception {
        Command.Result fast = shell("nosuch:command").run();
        Command.Result launcherJar = shell("nosuch:command").env("CERTBENCH_FAST_START", "no").run();

        assertEquals(2, fast.status(), fast::toString);
        assertEquals(fast.toString(), launcherJar.toString());
    }

    /** The JDK's dynamic archive begins with the magic number 0xf00baba8 (little-endian). */
    private static boolean isDynamicArchive(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 4);
        return ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt() == 0xf00baba8;
    }

    @Test
    void theHeadlessProductHasNoUiBundles() throws IOException {
        try (Stream<Path> plugins = Files.list(Products.SHELL.resolve("plugins"))) {
            List<String> ui = plugins.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("org.eclipse.swt") || name.startsWith("org.eclipse.jface")
                            || name.startsWith("org.eclipse.e4.ui") || name.startsWith("org.certbench.app"))
                    .toList();
            assertEquals(List.of(), ui);
        }
        assertTrue(Files.exists(Products.SHELL.resolve("plugins").resolve(shellBundle())), "the shell bundle");
    }

    @Test
    void theProductsAreArchived() {
        assertTrue(Files.isRegularFile(Products.PRODUCTS.resolve("certbench-linux.gtk.x86_64.tar.gz")));
        assertTrue(Files.isRegularFile(Products.PRODUCTS.resolve("certbench-shell-linux.gtk.x86_64.tar.gz")));
    }

    private Command shell(String... arguments) {
        String[] all = Stream.concat(Stream.of("--home", home.toString()), Stream.of(arguments)).toArray(String[]::new);
        return new Command(Products.launcher("certbench-shell"), all);
    }

    private static String shellBundle() throws IOException {
        try (Stream<Path> plugins = Files.list(Products.SHELL.resolve("plugins"))) {
            return plugins.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("org.certbench.shell_"))
                    .findFirst()
                    .orElse("org.certbench.shell_*.jar (missing)");
        }
    }

}
