package org.certbench.agent.server;

import java.time.Duration;

/**
 * What one agent gives its clients before it knows who they are. Every connection holds a socket, a thread
 * and TLS buffers until the handshake and the request are done; these bounds keep that memory and those file
 * descriptors within what any client, or all of them together, can take.
 *
 * @param maxConnections           open connections at a time, all clients together
 * @param maxConnectionsPerAddress open connections at a time from one IP address, so that one address
 *                                 cannot take the whole of {@code maxConnections}
 * @param handshakeTimeout         the whole TLS handshake, from accepting the connection
 * @param requestTimeout           the whole request (head and body) once its first byte arrived, and the whole
 *                                 response
 * @param idleTimeout              how long a kept-alive connection may wait for its next request
 */
public record ConnectionLimits(int maxConnections, int maxConnectionsPerAddress, Duration handshakeTimeout,
        Duration requestTimeout, Duration idleTimeout) {

    /** Consoles open one connection per call and agent; a console's batch never needs more than a few. */
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 16;

    public ConnectionLimits {
        if (maxConnections < 1 || maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("connection limits must be at least 1");
        }
    }

    public static ConnectionLimits defaults() {
        return new ConnectionLimits(DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public ConnectionLimits withMaxConnections(int total, int perAddress) {
        return new ConnectionLimits(total, perAddress, handshakeTimeout, requestTimeout, idleTimeout);
    }

    public ConnectionLimits withTimeouts(Duration handshake, Duration request, Duration idle) {
        return new ConnectionLimits(maxConnections, maxConnectionsPerAddress, handshake, request, idle);
    }
}
