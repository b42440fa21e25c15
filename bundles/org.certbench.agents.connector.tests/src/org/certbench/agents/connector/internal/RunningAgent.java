package org.certbench.agents.connector.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.certbench.testing.servers.AgentJvm;

/** One real agent process on 127.0.0.1 with its own state directory and port; can be stopped and started again. */
final class RunningAgent implements AutoCloseable {

    final String name;
    final Path stateDirectory;
    final int port;
    private final Path log;
    private Process process;

    private RunningAgent(String name, Path stateDirectory, int port, Path log) {
        this.name = name;
        this.stateDirectory = stateDirectory;
        this.port = port;
        this.log = log;
    }

    static RunningAgent start(String name, Path work) throws IOException, InterruptedException {
        RunningAgent agent = new RunningAgent(name, work.resolve("agent-" + name.replace(' ', '_')),
                AgentProgram.freePort(), work.resolve("agent-" + name.replace(' ', '_') + ".log"));
        agent.start();
        return agent;
    }

    /**
     * An agent process on {@code port} with the key and certificate of {@code stateDirectory}: another agent's
     * identity served at this address, as by an impostor who copied its files.
     */
    static RunningAgent startWith(String name, Path stateDirectory, int port, Path work)
            throws IOException, InterruptedException {
        RunningAgent agent = new RunningAgent(name, stateDirectory, port,
                work.resolve("agent-" + name.replace(' ', '_') + ".log"));
        agent.start();
        return agent;
    }

    void start() throws IOException, InterruptedException {
        Files.deleteIfExists(log);
        process = new ProcessBuilder(AgentJvm.command("run", "--state-dir", stateDirectory.toString(), "--bind",
                "127.0.0.1", "--port", Integer.toString(port))).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("started: listening")) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("agent " + name + " did not start:\n"
                + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)"));
    }

    /** Runs {@code certbench-agent COMMAND --state-dir DIR ARGS…} on this agent's state, as its administrator would. */
    String cli(String command, String... arguments) throws IOException, InterruptedException {
        String[] all = new String[arguments.length + 3];
        all[0] = command;
        all[1] = "--state-dir";
        all[2] = stateDirectory.toString();
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        return AgentProgram.run(all);
    }

    void authorize(Path consoleCertificate) throws IOException, InterruptedException {
        cli("console-authorize", "--file", consoleCertificate.toString());
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
