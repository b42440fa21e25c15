package org.certbench.renewal;

import java.time.Duration;
import java.time.Instant;

/**
 * When a certificate is due for renewal: once its remaining lifetime is at most the lesser of a fraction of its
 * whole lifetime and a fixed span. The default (a third, 30 days) renews a 90-day certificate with 30 days left and
 * a 1-day certificate with 8 hours left: short-lived certificates are renewed early enough to survive an outage of
 * a few attempts, long-lived ones need not be renewed months ahead.
 *
 * @param fraction the remaining share of the lifetime at which a certificate is due: 3 means a third; at least 1
 * @param atMost the longest remaining lifetime at which a certificate is due; positive
 */
public record DueRule(int fraction, Duration atMost) {

    /** A third of the lifetime, at most 30 days. */
    public static final DueRule DEFAULT = new DueRule(3, Duration.ofDays(30));

    /** Refuses a fraction below 1 and a span that is not positive. */
    public DueRule {
        if (fraction < 1) {
            throw new IllegalArgumentException("fraction must be at least 1: " + fraction); //$NON-NLS-1$
        }
        if (atMost == null || atMost.isNegative() || atMost.isZero()) {
            throw new IllegalArgumentException("atMost must be positive: " + atMost); //$NON-NLS-1$
        }
    }

    /**
     * {@return the remaining lifetime at or below which a certificate valid from {@code notBefore} to
     * {@code notAfter} is due}; zero for a certificate whose validity ends before it begins
     */
    public Duration threshold(Instant notBefore, Instant notAfter) {
        Duration lifetime = Duration.between(notBefore, notAfter);
        if (lifetime.isNegative()) {
            return Duration.ZERO;
        }
        Duration share = lifetime.dividedBy(fraction);
        return share.compareTo(atMost) < 0 ? share : atMost;
    }

    /** {@return the moment from which such a certificate is due} */
    public Instant dueAt(Instant notBefore, Instant notAfter) {
        return notAfter.minus(threshold(notBefore, notAfter));
    }

    /** {@return whether such a certificate is due at {@code now} (also when it has expired)} */
    public boolean isDue(Instant notBefore, Instant notAfter, Instant now) {
        return !now.isBefore(dueAt(notBefore, notAfter));
    }
}
