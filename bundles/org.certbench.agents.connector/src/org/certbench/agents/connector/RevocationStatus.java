package org.certbench.agents.connector;

import java.time.Instant;
import java.util.Optional;

import org.certbench.crypto.Certificate;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whether a certificate an agent presents was revoked, as an OSGi service the connector consults (CertBench's issuers
 * provide it for the certificates they revoked; the connector does not depend on them). A revoked certificate is
 * untrusted, "revoked on …", whatever is pinned for the agent: the check comes before every pin.
 * <p>
 * Asked on every agent handshake, from any thread, several at once: an implementation answers from memory or a cheap
 * look at a file, never over a network, and never throws.
 */
@ConsumerType
public interface RevocationStatus {

    /**
     * {@return when the certificate was revoked, or empty when this service knows of no revocation of it}
     *
     * @param certificate the certificate an agent presents
     */
    Optional<Instant> revokedAt(Certificate certificate);
}
