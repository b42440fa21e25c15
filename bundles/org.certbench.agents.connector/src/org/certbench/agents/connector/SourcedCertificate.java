package org.certbench.agents.connector;

import java.util.Objects;

import org.certbench.crypto.Certificate;

/**
 * What a {@link CertificateSource} returns for one agent.
 *
 * @param certificate the agent's new certificate; never null
 * @param ca the CA certificate that issued it, which the console trusts for the agent once it is applied; never
 *        null
 */
public record SourcedCertificate(Certificate certificate, Certificate ca) {

    /** Refuses null components. */
    public SourcedCertificate {
        Objects.requireNonNull(certificate, "certificate"); //$NON-NLS-1$
        Objects.requireNonNull(ca, "ca"); //$NON-NLS-1$
    }
}
