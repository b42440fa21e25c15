package org.certbench.agent.server;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

import org.certbench.agent.AgentLog;
import org.certbench.crypto.HostIdentity;

/**
 * How to start one agent.
 *
 * @param bindAddress {@code null} for every local address
 * @param port        0 for an ephemeral port (see {@link AgentServer#port()})
 * @param host        the names for self-signed certificates and CSR defaults; a fleet benchmark running
 *                    many agents in one process can pass one detected identity to all of them
 */
public record AgentServerOptions(Path stateDirectory, InetAddress bindAddress, int port, Supplier<HostIdentity> host,
        Clock clock, AgentLog log) {

    public static final int DEFAULT_PORT = 9443;

    public AgentServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Every address, port 9443, this host's identity, the system clock, log lines on stderr. */
    public static AgentServerOptions of(Path stateDirectory) {
        return new AgentServerOptions(stateDirectory, null, DEFAULT_PORT, HostIdentity::detect, Clock.systemUTC(),
                new AgentLog(System.err));
    }

    public AgentServerOptions withBindAddress(InetAddress value) {
        return new AgentServerOptions(stateDirectory, value, port, host, clock, log);
    }

    public AgentServerOptions withPort(int value) {
        return new AgentServerOptions(stateDirectory, bindAddress, value, host, clock, log);
    }

    public AgentServerOptions withHost(Supplier<HostIdentity> value) {
        return new AgentServerOptions(stateDirectory, bindAddress, port, value, clock, log);
    }

    public AgentServerOptions withClock(Clock value) {
        return new AgentServerOptions(stateDirectory, bindAddress, port, host, value, log);
    }

    public AgentServerOptions withLog(AgentLog value) {
        return new AgentServerOptions(stateDirectory, bindAddress, port, host, clock, value);
    }
}
