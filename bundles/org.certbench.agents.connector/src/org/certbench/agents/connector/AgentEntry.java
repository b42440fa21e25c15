package org.certbench.agents.connector;

import java.time.Instant;

import org.certbench.crypto.Certificate;

/**
 * An agent of the inventory and what this console trusts for it.
 *
 * @param pinnedCertificate the certificate trusted as it is (the one presented when the agent was added,
 *                          or trusted later); {@code null} when none is pinned
 * @param trustedCa         the CA whose certificates are trusted for this agent when they name it or carry its
 *                          pinned key; {@code null} when none
 * @param pinnedKey         the SHA-256 fingerprint of the public key pinned for this agent
 *                          ({@link Certificate#publicKeySha256Fingerprint()}), kept whenever this console trusts or
 *                          applies a certificate for it, so that a certificate of the trusted CA with this key is
 *                          trusted at any address; {@code null} when none is pinned
 */
public record AgentEntry(String name, String host, int port, Instant added, Certificate pinnedCertificate,
        Certificate trustedCa, String pinnedKey) {

    /** An agent whose pinned key is that of its pinned certificate (or none without one). */
    public AgentEntry(String name, String host, int port, Instant added, Certificate pinnedCertificate,
            Certificate trustedCa) {
        this(name, host, port, added, pinnedCertificate, trustedCa,
                pinnedCertificate == null ? null : pinnedCertificate.publicKeySha256Fingerprint());
    }

    /** {@code host:port}, with brackets around an IPv6 address. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The same agent with {@code certificate}'s key pinned. */
    public AgentEntry withKeyOf(Certificate certificate) {
        return new AgentEntry(name, host, port, added, pinnedCertificate, trustedCa,
                certificate.publicKeySha256Fingerprint());
    }

    /** Whether {@code certificate} carries the key pinned for this agent. */
    public boolean hasPinnedKey(Certificate certificate) {
        return pinnedKey != null && pinnedKey.equalsIgnoreCase(certificate.publicKeySha256Fingerprint());
    }
}
