package org.certbench.expiry.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code certbench-agent} on 127.0.0.1 and a free port, its state in its own directory: the jar as the
 * agent's module builds it ({@code ../org.certbench.agent/target/certbench-agent/certbench-agent.jar} from this
 * bundle's directory, or {@code -Dcertbench.agent.jar=FILE}).
 */
final class AgentProcess implements AutoCloseable {

    private static final String IN_BUNDLES = "org.certbench.agent/target/certbench-agent/certbench-agent.jar";

    final int port;
    private final Path state;
    private final Process process;

    private AgentProcess(Path state, int port, Process process) {
        this.state = state;
        this.port = port;
        this.process = process;
    }

    static AgentProcess start(Path state) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(state);
        Path log = state.resolveSibling(state.getFileName() + ".log");
        Process process = new ProcessBuilder(command("run", "--state-dir", state.toString(), "--bind", "127.0.0.1",
                "--port", Integer.toString(port))).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("started: listening")) {
                return new AgentProcess(state, port, process);
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the agent did not start: " + Files.readString(log, StandardCharsets.UTF_8));
    }

    /** {@code certbench-agent console-authorize --file FILE} on this agent's state, as its administrator would. */
    void authorize(Path consoleCertificate) throws IOException, InterruptedException {
        Process cli = new ProcessBuilder(command("console-authorize", "--state-dir", state.toString(), "--file",
                consoleCertificate.toString())).redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!cli.waitFor(60, TimeUnit.SECONDS) || cli.exitValue() != 0) {
            throw new IllegalStateException("console-authorize failed: " + output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * Options for an agent JVM: a class-data sharing archive per agent command in this module's target directory,
     * written by the first JVM of that command when it exits and mapped by every later one (about a third less CPU for
     * a start; a stale or damaged archive is rewritten, never a failed start). The jar's manifest allows native
     * access: the flag for it would turn off the archive's module graph. The archive's messages are off, they would
     * mix with the command's output.
     */
    static List<String> classArchive(String... arguments) {
        Path target = Path.of("target").toAbsolutePath();
        try {
            Files.createDirectories(target); // the JVM fails its exit when it cannot write the archive there
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String command = arguments.length == 0 ? "none" : arguments[0].replaceAll("[^A-Za-z0-9-]", "_");
        return List.of("-XX:SharedArchiveFile=" + target.resolve("agent-" + command + ".jsa"),
                "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off", "-Xlog:aot*=off", "-Xlog:class+path*=off");
    }

    private static List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1"));
        command.addAll(classArchive(arguments));
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private static Path jar() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("certbench.agent.jar");
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("..", IN_BUNDLES));
        candidates.add(Path.of("bundles", IN_BUNDLES));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("The agent program is not built: none of " + candidates + " exists. Build "
                + "bundles/org.certbench.agent first, or give -Dcertbench.agent.jar=FILE.");
    }
}
