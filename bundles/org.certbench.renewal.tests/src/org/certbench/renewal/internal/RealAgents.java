package org.certbench.renewal.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certbench.agents.connector.AgentFleet;

/** Real {@code certbench-agent} processes on 127.0.0.1 that accept the fleet's console, stopped by {@link #close}. */
final class RealAgents implements AutoCloseable {

    private final Path work;
    private final List<Process> processes = new ArrayList<>();

    RealAgents(Path work) {
        this.work = work;
    }

    /** Starts an agent and adds it to the fleet under {@code name} at 127.0.0.1; returns its port. */
    int add(AgentFleet fleet, String name) throws Exception {
        return add(fleet, name, List.of());
    }

    /** As {@link #add(AgentFleet, String)}, the agent's JVM started with {@code jvmOptions} (as its launcher's). */
    int add(AgentFleet fleet, String name, List<String> jvmOptions) throws Exception {
        Path consolePem = work.resolve("console.pem");
        fleet.exportConsoleCertificate(consolePem);
        Path state = work.resolve("agent-" + name);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        run("console-authorize", "--state-dir", state.toString(), "--file", consolePem.toString());
        Path log = work.resolve(name + ".log");
        List<String> command = command("run", "--state-dir", state.toString(), "--bind", "127.0.0.1", "--port",
                Integer.toString(port));
        command.addAll(1, jvmOptions);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("started: listening")) {
                fleet.add(name, "127.0.0.1", port, null);
                return port;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the agent did not start: " + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        for (Process agent : processes) {
            agent.destroy();
            if (!agent.waitFor(20, TimeUnit.SECONDS)) {
                agent.destroyForcibly().waitFor();
            }
        }
    }

    private static void run(String... arguments) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command(arguments)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("certbench-agent " + List.of(arguments) + " failed:\n" + output);
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

    /** The real agent program, as the connector's tests find it (built by bundles/org.certbench.agent). */
    private static List<String> command(String... arguments) {
        String built = "org.certbench.agent/target/certbench-agent/certbench-agent.jar";
        Path jar = Path.of("..", built);
        if (!Files.isRegularFile(jar)) {
            jar = Path.of("/work/main/bundles", built);
        }
        assertTrue(Files.isRegularFile(jar), "build bundles/org.certbench.agent first: " + jar.toAbsolutePath());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1"));
        command.addAll(classArchive(arguments));
        command.addAll(List.of("-jar", jar.toAbsolutePath().normalize().toString()));
        command.addAll(List.of(arguments));
        return command;
    }
}
