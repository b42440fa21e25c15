package org.certbench.expiry.ui.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.certbench.testing.servers.AgentJvm;

/**
 * A real {@code certbench-agent} on 127.0.0.1 and a free port, its state in its own directory, started as
 * {@link AgentJvm} starts the agent.
 */
final class AgentProcess implements AutoCloseable {

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
        Process process = new ProcessBuilder(AgentJvm.command("run", "--state-dir", state.toString(), "--bind",
                "127.0.0.1", "--port", Integer.toString(port))).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
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
        Process cli = new ProcessBuilder(AgentJvm.command("console-authorize", "--state-dir", state.toString(),
                "--file", consoleCertificate.toString())).redirectErrorStream(true).start();
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

}
