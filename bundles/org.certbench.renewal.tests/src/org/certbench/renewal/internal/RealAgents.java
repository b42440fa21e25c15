package org.certbench.renewal.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.testing.servers.AgentJvm;

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
        List<String> command = AgentJvm.command("run", "--state-dir", state.toString(), "--bind", "127.0.0.1",
                "--port", Integer.toString(port));
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
        Process process = new ProcessBuilder(AgentJvm.command(arguments)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("certbench-agent " + List.of(arguments) + " failed:\n" + output);
        }
    }
}
