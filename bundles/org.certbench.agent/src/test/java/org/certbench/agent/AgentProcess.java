package org.certbench.agent;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a main class of this build in a separate JVM, as the launcher script does. */
public final class AgentProcess {

    private AgentProcess() {
    }

    /**
     * The memory settings and fatal-error handling of the launcher script ({@code src/main/scripts/certbench-agent}),
     * for tests that measure or provoke what an installed agent would do.
     */
    public static final List<String> LAUNCHER_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms4m", "-Xmx64m", "-Xss512k",
            "-XX:+ExitOnOutOfMemoryError", "-XX:TrimNativeHeapInterval=5000");

    public static ProcessBuilder builder(Class<?> mainClass, String... arguments) {
        return builder(List.of(), mainClass, arguments);
    }

    public static ProcessBuilder builder(List<String> jvmOptions, Class<?> mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("--enable-native-access=ALL-UNNAMED"); // the native crypto provider (the jar allows it in its manifest)
        command.addAll(classArchive(mainClass, arguments));
        command.add("-cp");
        command.add(PackedClassPath.VALUE);
        command.add(mainClass.getName());
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command);
    }

    /**
     * A class-data sharing archive per main class and command in target/, written by the first JVM of that kind at
     * its exit and mapped by every later one (the kill tests start 60 JVMs, each loading the crypto core and
     * BouncyCastle). A stale or damaged archive is rewritten, never a failed start; its messages are off, they would
     * mix with the output the tests read.
     */
    private static List<String> classArchive(Class<?> mainClass, String... arguments) {
        String kind = mainClass.getSimpleName() + "-"
                + (arguments.length == 0 ? "none" : arguments[0].replaceAll("[^A-Za-z0-9-]", "_"));
        return List.of("-XX:SharedArchiveFile=" + PackedClassPath.DIRECTORY.resolve(kind + ".jsa"),
                "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off", "-Xlog:aot*=off", "-Xlog:class+path*=off");
    }

    /**
     * The test JVM's class path with its directories (this module's classes and test classes) packed into jars, once
     * per test run: the JDK archives classes from jars only, and writes no archive at all with a class directory on
     * the class path.
     */
    private static final class PackedClassPath {
        static final Path DIRECTORY = Path.of("target", "agent-processes").toAbsolutePath();
        static final String VALUE = pack();

        private static String pack() {
            try {
                Files.createDirectories(DIRECTORY);
                List<String> entries = new ArrayList<>();
                for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                    Path path = Path.of(entry);
                    if (Files.isDirectory(path)) {
                        Path jar = DIRECTORY.resolve("classes-" + entries.size() + ".jar");
                        packDirectory(path, jar);
                        entries.add(jar.toString());
                    } else {
                        entries.add(entry);
                    }
                }
                return String.join(File.pathSeparator, entries);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void packDirectory(Path directory, Path jar) throws IOException {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                    var files = Files.walk(directory)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(directory.relativize(file).toString().replace(File.separatorChar, '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
        }
    }

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    /** {@code certbench-agent run} in its own JVM, listening and serving its certificate, logging to a file. */
    public record Server(Process process, int port) {
    }

    /** Starts {@code certbench-agent run} on a free port of 127.0.0.1 and waits until it serves its certificate. */
    public static Server startServer(Path stateDirectory, Path logFile) throws IOException, InterruptedException {
        return startServer(List.of(), stateDirectory, logFile);
    }

    /** As {@link #startServer(Path, Path)}, with JVM options such as {@link #LAUNCHER_JVM_OPTIONS} and options of run. */
    public static Server startServer(List<String> jvmOptions, Path stateDirectory, Path logFile, String... runOptions)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("run", "--state-dir", stateDirectory.toString(), "--bind",
                "127.0.0.1", "--port", "0"));
        arguments.addAll(List.of(runOptions));
        Process process = builder(jvmOptions, Main.class, arguments.toArray(String[]::new)).redirectErrorStream(true)
                .redirectOutput(logFile.toFile()).start();
        Matcher listening = LISTENING.matcher(awaitLine(logFile, "started: listening on"));
        if (!listening.find()) {
            process.destroy();
            throw new IllegalStateException("no port in the agent's start line: " + listening);
        }
        awaitLine(logFile, "certificate in use: SHA-256");
        return new Server(process, Integer.parseInt(listening.group(1)));
    }

    /** Runs {@code certbench-agent arguments…} to completion. */
    public static Agents.CliResult run(String... arguments) throws IOException, InterruptedException {
        Process process = builder(Main.class, arguments).start();
        process.getOutputStream().close();
        return complete(process, "certbench-agent " + List.of(arguments));
    }

    /** Waits (60 s at most) for a CLI process and collects what it printed on stdout and stderr. */
    static Agents.CliResult complete(Process process, String what) throws IOException, InterruptedException {
        var stderr = new java.util.concurrent.CompletableFuture<String>();
        Thread.ofVirtual().start(() -> {
            try {
                stderr.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                stderr.completeExceptionally(e);
            }
        });
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " did not finish");
        }
        return new Agents.CliResult(process.exitValue(), stdout, stderr.join());
    }

    /**
     * Waits until the file a process logs to has a line containing {@code text} and returns that line.
     * A file rather than the pipe: the pipe closes when the process is destroyed, the file keeps the lines.
     */
    public static String awaitLine(Path logFile, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (java.nio.file.Files.exists(logFile)) {
                for (String line : java.nio.file.Files.readAllLines(logFile, StandardCharsets.UTF_8)) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no line with \"" + text + "\" in " + logFile + ":\n"
                + (java.nio.file.Files.exists(logFile) ? java.nio.file.Files.readString(logFile) : ""));
    }
}
