package org.certbench.expiry;

import java.time.Instant;
import java.util.Objects;

import org.certbench.crypto.Certificate;

/**
 * A certificate an {@link ExpiryContributor} adds to the overview.
 *
 * @param id          the plug-in's own id for it, unique within its kind (what its view would open); not {@code null}
 * @param name        what an administrator calls it; not {@code null}
 * @param usedAt      where it is used, in words (e.g. {@code "frontend www on :443"}); not {@code null}
 * @param certificate the certificate; not {@code null}
 * @param asOf        when it was read, if not just now; {@code null} when read for this call
 */
public record ContributedCertificate(String id, String name, String usedAt, Certificate certificate, Instant asOf) {

    /** Checks that nothing but {@code asOf} is {@code null}. */
    public ContributedCertificate {
        Objects.requireNonNull(id, "id"); //$NON-NLS-1$
        Objects.requireNonNull(name, "name"); //$NON-NLS-1$
        Objects.requireNonNull(usedAt, "usedAt"); //$NON-NLS-1$
        Objects.requireNonNull(certificate, "certificate"); //$NON-NLS-1$
    }
}
