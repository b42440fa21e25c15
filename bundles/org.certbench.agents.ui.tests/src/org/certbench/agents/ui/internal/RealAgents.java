package org.certbench.agents.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.testing.servers.AgentJvm;
import org.certbench.testing.servers.AgentRelay;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Real certbench-agent processes on 127.0.0.1, authorized for this console and added to its fleet (which is emptied
 * first); stopped by {@link #close()}. An agent may be reached through an {@link AgentRelay}, the network a test can
 * lose it on.
 */
final class RealAgents implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final Map<String, AgentRelay> relays = new HashMap<>();
    final AgentFleet fleet;

    private RealAgents(AgentFleet fleet) {
        this.fleet = fleet;
    }

    /** Starts one agent per name, each with its state under {@code work}, and adds it to the emptied fleet. */
    static RealAgents start(Path work, String... names) throws Exception {
        return start(work, List.of(), names);
    }

    /** As {@link #start(Path, String...)}, the agents named in {@code relayed} reached through a relay each. */
    static RealAgents start(Path work, List<String> relayed, String... names) throws Exception {
        RealAgents agents = new RealAgents(service(AgentFleet.class));
        for (AgentEntry entry : agents.fleet.list()) {
            agents.fleet.remove(entry.name());
        }
        Path console = work.resolve("console.pem");
        agents.fleet.exportConsoleCertificate(console);
        for (String name : names) {
            Path state = work.resolve(name);
            run("console-authorize", "--file", console.toString(), "--state-dir", state.toString());
            int port = freePort();
            agents.processes.add(new ProcessBuilder(AgentJvm.command("run", "--state-dir", state.toString(),
                    "--bind", "127.0.0.1", "--port", Integer.toString(port))).redirectErrorStream(true)
                    .redirectOutput(work.resolve(name + ".log").toFile()).start());
            awaitPort(port);
            if (relayed.contains(name)) {
                AgentRelay relay = AgentRelay.to(port);
                agents.relays.put(name, relay);
                port = relay.port;
            }
            agents.fleet.add(name, "127.0.0.1", port, null);
        }
        return agents;
    }

    /** {@return the relay in front of the agent {@code name}} */
    AgentRelay relay(String name) {
        return relays.get(name);
    }

    @Override
    public void close() throws InterruptedException {
        for (AgentRelay relay : relays.values()) {
            try {
                relay.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        for (Process agent : processes) {
            agent.destroy();
            agent.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(RealAgents.class).getBundleContext(), type, null);
        tracker.open();
        return tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
    }

    private static void run(String... arguments) throws IOException, InterruptedException {
        List<String> command = AgentJvm.command(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, process.waitFor(), String.join(" ", command));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the agent did not listen on " + port);
    }
}
