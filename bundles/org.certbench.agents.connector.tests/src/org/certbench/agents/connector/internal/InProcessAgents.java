package org.certbench.agents.connector.internal;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import org.certbench.crypto.Certificate;
import org.certbench.testing.servers.AgentJvm;

/**
 * Many agents in this JVM: the agent program's own server class ({@code AgentServer.start}), loaded from the
 * built agent jar in a class loader of its own (the jar carries its own copies of crypto and BouncyCastle,
 * and is no OSGi bundle). A thousand agent JVMs would not fit in memory; a thousand servers in one do.
 */
final class InProcessAgents implements AutoCloseable {

    private final URLClassLoader loader;
    private final AgentServers servers;

    InProcessAgents() throws Exception {
        loader = new URLClassLoader(new URL[] { AgentJvm.jar().toUri().toURL() },
                ClassLoader.getPlatformClassLoader());
        servers = new AgentServers(loader);
    }

    /**
     * Starts an agent on an ephemeral port of 127.0.0.1 with its own state directory and key, accepting
     * {@code console}: its certificate is put where {@code console-authorize} puts it
     * ({@code consoles/<SHA-256 hex>.pem}).
     */
    int start(Path stateDirectory, Certificate console) throws Exception {
        return servers.start(stateDirectory, console.der(), console.pem());
    }

    /** As {@link #start(Path, Certificate)}, the agent closing a kept-alive connection after {@code idleTimeout}. */
    int start(Path stateDirectory, Certificate console, java.time.Duration idleTimeout) throws Exception {
        return servers.start(stateDirectory, console.der(), console.pem(), idleTimeout);
    }

    /** {@return the connections the agent on {@code port} holds open now} */
    int openConnections(int port) throws Exception {
        return servers.openConnections(port);
    }

    @Override
    public void close() throws Exception {
        servers.close();
        loader.close();
    }
}
