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
 * @param limits      what clients may hold before they are known (connections, deadlines)
 */
public record AgentServerOptions(Path stateDirectory, InetAddress bindAddress, int port, Supplier<HostIdentity> host,
        Clock clock, AgentLog log, ConnectionLimits limits) {

    public static final int DEFAULT_PORT = 9443;

    public AgentServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Every address, port 9443, this host's identity, the system clock, log lines on stderr. */
    public static AgentServerOptions of(Path stateDirectory) {
        return new AgentServerOptions(stateDirectory, null, DEFAULT_PORT, HostIdentity::detect, Clock.systemUTC(),
                new AgentLog(System.err), ConnectionLimits.defaults());
    }

    public AgentServerOptions withBindAddress(InetAddress value) {
        return new AgentServerOptions(stateDirectory, value, port, host, clock, log, limits);
    }

    public AgentServerOptions withPort(int value) {
        return new AgentServerOptions(stateDirectory, bindAddress, value, host, clock, log, limits);
    }

    public AgentServerOptions withHost(Supplier<HostIdentity> value) {
        return new AgentServerOptions(stateDirectory, bindAddress, port, value, clock, log, limits);
    }

    public AgentServerOptions withClock(Clock value) {
        return new AgentServerOptions(stateDirectory, bindAddress, port, host, value, log, limits);
    }

    public AgentServerOptions withLimits(ConnectionLimits value) {
        return new AgentServerOptions(stateDirectory, bindAddress, port, host, clock, log, value);
    }

    public AgentServerOptions withLog(AgentLog value) {
        return new AgentServerOptions(stateDirectory, bindAddress, port, host, clock, value, limits);
    }
}
