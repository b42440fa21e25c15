package org.certbench.agents.connector.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import org.certbench.crypto.Certificate;

/**
 * Many agents in this JVM: the agent program's own server class ({@code AgentServer.start}), loaded from the
 * built agent jar in a class loader of its own (the jar carries its own copies of crypto and BouncyCastle,
 * and is no OSGi bundle). A thousand agent JVMs would not fit in memory; a thousand servers in one do.
 */
final class InProcessAgents implements AutoCloseable {

    private final URLClassLoader loader;
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    InProcessAgents() throws Exception {
        loader = new URLClassLoader(new URL[] { AgentProgram.jar().toUri().toURL() },
                ClassLoader.getPlatformClassLoader());
    }

    /**
     * Starts an agent on an ephemeral port of 127.0.0.1 with its own state directory and key, accepting
     * {@code console}: its certificate is put where {@code console-authorize} puts it
     * ({@code consoles/<SHA-256 hex>.pem}).
     */
    int start(Path stateDirectory, Certificate console) throws Exception {
        Path consoles = Files.createDirectories(stateDirectory.resolve("consoles"));
        String hex = HexFormat.of().withUpperCase()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(console.der()));
        Files.writeString(consoles.resolve(hex + ".pem"), console.pem(), StandardCharsets.US_ASCII);

        Class<?> optionsType = loader.loadClass("org.certbench.agent.server.AgentServerOptions");
        Class<?> hostType = loader.loadClass("org.certbench.crypto.HostIdentity");
        Class<?> logType = loader.loadClass("org.certbench.agent.AgentLog");
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
        Method start = loader.loadClass("org.certbench.agent.server.AgentServer").getMethod("start", optionsType);
        AutoCloseable server = (AutoCloseable) start.invoke(null, options);
        servers.add(server);
        int port = (int) server.getClass().getMethod("port").invoke(server);
        ports.add(port);
        return port;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
        loader.close();
    }
}
