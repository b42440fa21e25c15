package org.certbench.agents.connector.internal;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import org.certbench.crypto.Certificate;

/**
 * Many agents in this JVM: the agent program's own server class ({@code AgentServer.start}), loaded from the
 * built agent jar in a class loader of its own (the jar carries its own copies of crypto and BouncyCastle,
 * and is no OSGi bundle). A thousand agent JVMs would not fit in memory; a thousand servers in one do.
 */
final class InProcessAgents implements AutoCloseable {

    private final URLClassLoader loader;
    private final AgentServers servers;

    InProcessAgents() throws Exception {
        loader = new URLClassLoader(new URL[] { AgentProgram.jar().toUri().toURL() },
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

    @Override
    public void close() throws Exception {
        servers.close();
        loader.close();
    }
}
