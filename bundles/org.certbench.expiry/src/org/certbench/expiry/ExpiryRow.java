package org.certbench.expiry;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.certbench.crypto.Certificate;

/**
 * One certificate of the overview. Immutable.
 *
 * @param kind        {@link ExpiryKinds#CA}, {@link ExpiryKinds#HOST}, {@link ExpiryKinds#AGENT} or a plug-in's
 *                    kind; never {@code null}
 * @param id          what opens the certificate in its own view, within its kind: the CA's id, the host target's
 *                    id, the agent's name, or what the contributing plug-in chose; never {@code null}
 * @param name        what an administrator calls it (the CA's Common Name, the service's display name, the agent's
 *                    name); never {@code null}
 * @param usedAt      where it is used, in words (an address, a file, "trust store"); never {@code null}
 * @param certificate the certificate; never {@code null}
 * @param asOf        when the certificate was seen, for rows from a last refresh (agents, host targets); {@code null}
 *                    when it was read as the overview was made
 * @param daysLeft    whole days from the overview's "now" to the not-after date, rounded down (negative when
 *                    expired)
 * @param urgency     expired, within 7 days, within 30 days, or fine
 */
public record ExpiryRow(String kind, String id, String name, String usedAt, Certificate certificate, Instant asOf,
        long daysLeft, Urgency urgency) {

    private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

    /** Checks that nothing required is {@code null}. */
    public ExpiryRow {
        Objects.requireNonNull(kind, "kind"); //$NON-NLS-1$
        Objects.requireNonNull(id, "id"); //$NON-NLS-1$
        Objects.requireNonNull(name, "name"); //$NON-NLS-1$
        Objects.requireNonNull(usedAt, "usedAt"); //$NON-NLS-1$
        Objects.requireNonNull(certificate, "certificate"); //$NON-NLS-1$
        Objects.requireNonNull(urgency, "urgency"); //$NON-NLS-1$
    }

    /**
     * A row whose days left and urgency are computed at {@code now} (the caller's clock).
     *
     * @throws NullPointerException if anything but {@code asOf} is {@code null}
     */
    public static ExpiryRow of(String kind, String id, String name, String usedAt, Certificate certificate,
            Instant asOf, Instant now) {
        Instant notAfter = certificate.notAfter();
        long daysLeft = Math.floorDiv(Duration.between(now, notAfter).toSeconds(), SECONDS_PER_DAY);
        return new ExpiryRow(kind, id, name, usedAt, certificate, asOf, daysLeft,
                Urgency.of(daysLeft, now.isAfter(notAfter)));
    }

    /** The subject's distinguished name. */
    public String subject() {
        return certificate.subject();
    }

    /** The issuer's distinguished name. */
    public String issuer() {
        return certificate.issuer();
    }

    /** The start of the validity period. */
    public Instant notBefore() {
        return certificate.notBefore();
    }

    /** The end of the validity period (the expiry date). */
    public Instant notAfter() {
        return certificate.notAfter();
    }
}
