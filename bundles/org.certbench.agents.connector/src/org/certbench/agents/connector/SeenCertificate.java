package org.certbench.agents.connector;

import java.time.Instant;
import java.util.Objects;

import org.certbench.crypto.Certificate;

/**
 * The certificate an agent presented at its last live status, and when: what views of many agents show without
 * contacting them.
 *
 * @param agent       the agent's name; not {@code null}
 * @param certificate the certificate it presented; not {@code null}
 * @param seenAt      when it presented it; not {@code null}
 */
public record SeenCertificate(String agent, Certificate certificate, Instant seenAt) {

    /** Checks that nothing is {@code null}. */
    public SeenCertificate {
        Objects.requireNonNull(agent, "agent"); //$NON-NLS-1$
        Objects.requireNonNull(certificate, "certificate"); //$NON-NLS-1$
        Objects.requireNonNull(seenAt, "seenAt"); //$NON-NLS-1$
    }
}
