package org.certbench.agents.connector;

import java.time.Instant;

import org.certbench.crypto.Certificate;

/**
 * An agent of the inventory and what this console trusts for it.
 *
 * @param pinnedCertificate the certificate trusted as it is (the one presented when the agent was added,
 *                          or trusted later); {@code null} when none is pinned
 * @param trustedCa         the CA whose certificates are trusted for this agent; {@code null} when none
 */
public record AgentEntry(String name, String host, int port, Instant added, Certificate pinnedCertificate,
        Certificate trustedCa) {

    /** {@code host:port}, with brackets around an IPv6 address. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
