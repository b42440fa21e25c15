package org.certbench.agents.connector.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Agent servers ({@code AgentServer.start}) from the agent program's classes in {@code agentClasses}, reached by
 * reflection: the agent jar is no OSGi bundle and carries its own copies of crypto and BouncyCastle. Only JDK types
 * here, so that {@link AgentsProcess} can use it in a plain JVM with the agent jar on its class path.
 */
final class AgentServers implements AutoCloseable {

    private final ClassLoader agentClasses;
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final Map<Integer, Object> byPort = new HashMap<>();

    AgentServers(ClassLoader agentClasses) {
        this.agentClasses = agentClasses;
    }

    /**
     * Starts an agent on an ephemeral port of 127.0.0.1 with its own state directory and key, accepting the console
     * whose certificate is {@code consoleDer} / {@code consolePem}: put where {@code console-authorize} puts it
     * ({@code consoles/<SHA-256 hex>.pem}).
     *
     * @return the port
     */
    int start(Path stateDirectory, byte[] consoleDer, String consolePem) throws Exception {
        return start(stateDirectory, consoleDer, consolePem, null);
    }

    /**
     * As {@link #start(Path, byte[], String)}; with {@code idleTimeout}, the agent closes a kept-alive connection
     * after that long without a request (30 s by default).
     */
    int start(Path stateDirectory, byte[] consoleDer, String consolePem, Duration idleTimeout) throws Exception {
        Path consoles = Files.createDirectories(stateDirectory.resolve("consoles"));
        String hex = HexFormat.of().withUpperCase()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(consoleDer));
        Files.writeString(consoles.resolve(hex + ".pem"), consolePem, StandardCharsets.US_ASCII);

        Class<?> optionsType = agentClasses.loadClass("org.certbench.agent.server.AgentServerOptions");
        Class<?> hostType = agentClasses.loadClass("org.certbench.crypto.HostIdentity");
        Class<?> logType = agentClasses.loadClass("org.certbench.agent.AgentLog");
        Object host = hostType.getConstructor(String.class, String.class, List.class).newInstance("bench",
                "bench.example.test", List.of(InetAddress.getByName("127.0.0.1")));
        Object options = optionsType.getMethod("of", Path.class).invoke(null, stateDirectory);
        options = optionsType.getMethod("withBindAddress", InetAddress.class).invoke(options,
                InetAddress.getByName("127.0.0.1"));
        options = optionsType.getMethod("withPort", int.class).invoke(options, 0);
        Supplier<Object> identity = () -> host;
        options = optionsType.getMethod("withHost", Supplier.class).invoke(options, identity);
        Constructor<?> log = logType.getConstructor(PrintStream.class);
        options = optionsType.getMethod("withLog", logType).invoke(options,
                log.newInstance(new PrintStream(OutputStream.nullOutputStream())));
        if (idleTimeout != null) {
            Class<?> limitsType = agentClasses.loadClass("org.certbench.agent.server.ConnectionLimits");
            Object limits = limitsType.getMethod("defaults").invoke(null);
            limits = limitsType.getMethod("withTimeouts", Duration.class, Duration.class, Duration.class)
                    .invoke(limits, Duration.ofSeconds(10), Duration.ofSeconds(10), idleTimeout);
            options = optionsType.getMethod("withLimits", limitsType).invoke(options, limits);
        }
        Method start = agentClasses.loadClass("org.certbench.agent.server.AgentServer").getMethod("start",
                optionsType);
        AutoCloseable server = (AutoCloseable) start.invoke(null, options);
        servers.add(server);
        int port = (int) server.getClass().getMethod("port").invoke(server);
        byPort.put(port, server);
        return port;
    }

    /** {@return the connections the agent on {@code port} holds open now} */
    int openConnections(int port) throws Exception {
        Object server = byPort.get(port);
        return (int) server.getClass().getMethod("openConnections").invoke(server);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }
}
