package org.certbench.agents.connector.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Agent servers ({@code AgentServer.start}) from the agent program's classes in {@code agentClasses}, reached by
 * reflection: the agent jar is no OSGi bundle and carries its own copies of crypto and BouncyCastle. Only JDK types
 * here, so that {@link AgentsProcess} can use it in a plain JVM with the agent jar on its class path.
 */
final class AgentServers implements AutoCloseable {

    private final ClassLoader agentClasses;
    private final List<AutoCloseable> servers = new ArrayList<>();

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
        Method start = agentClasses.loadClass("org.certbench.agent.server.AgentServer").getMethod("start",
                optionsType);
        AutoCloseable server = (AutoCloseable) start.invoke(null, options);
        servers.add(server);
        return (int) server.getClass().getMethod("port").invoke(server);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }
}
