package org.certbench.agents.connector.internal;

import java.time.Duration;

/**
 * How the console talks to agents, read once. {@code parallelism} bounds the connections open at a time:
 * handshakes are CPU work on both ends, but agents far away mostly wait on the network, so the bound is
 * well above the core count. System properties {@code certbench.agents.parallelism} and
 * {@code certbench.agents.connectTimeout} (ISO-8601) override the defaults.
 */
record FleetOptions(int parallelism, Duration connectTimeout, Duration handshakeTimeout, Duration callTimeout) {

    static final int DEFAULT_PARALLELISM = 64;

    static FleetOptions defaults() {
        int parallelism = Integer.getInteger("certbench.agents.parallelism", DEFAULT_PARALLELISM); //$NON-NLS-1$
        Duration connect;
        try {
            connect = Duration.parse(System.getProperty("certbench.agents.connectTimeout", "PT5S")); //$NON-NLS-1$ //$NON-NLS-2$
        } catch (java.time.format.DateTimeParseException e) {
            // a typo in a tuning knob must not disable agent management
            connect = Duration.ofSeconds(5);
        }
        return new FleetOptions(Math.max(1, parallelism), connect, Duration.ofSeconds(15), Duration.ofSeconds(60));
    }
}
