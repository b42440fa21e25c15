package org.certbench.truststore;

import java.time.Duration;
import java.time.Instant;

import org.certbench.core.TextBundle;
import org.certbench.truststore.internal.Messages;

/**
 * Where a CA certificate stands on a given day: valid, expiring within the warning horizon, or expired.
 *
 * @param kind     the state
 * @param daysLeft whole days until it expires (negative once expired)
 */
public record CaStatus(Kind kind, long daysLeft) {

    /** The warning horizon of {@link Kind#EXPIRES_SOON}: the largest default warning threshold. */
    public static final int SOON_DAYS = 90;

    /** How a CA certificate's validity stands. */
    public enum Kind {
        /** Valid for longer than {@link CaStatus#SOON_DAYS} days. */
        VALID,
        /** Valid, but for {@link CaStatus#SOON_DAYS} days or less. */
        EXPIRES_SOON,
        /** No longer valid. */
        EXPIRED
    }

    /** {@return the status of the entry at {@code now}} */
    public static CaStatus of(CaEntry entry, Instant now) {
        Instant notAfter = entry.certificate().notAfter();
        long daysLeft = Duration.between(now, notAfter).toDays();
        if (now.isAfter(notAfter)) {
            return new CaStatus(Kind.EXPIRED, daysLeft);
        }
        return new CaStatus(daysLeft <= SOON_DAYS ? Kind.EXPIRES_SOON : Kind.VALID, daysLeft);
    }

    /** "valid", "expires in 12 days", "expires today", "expired". */
    public String text() {
        return switch (kind) {
        case VALID -> Messages.Status_valid;
        case EXPIRED -> Messages.Status_expired;
        // a choice pattern ("expires tomorrow"), which NLS.bind does not read
        case EXPIRES_SOON -> TextBundle.fill(Messages.Status_expiresIn, daysLeft);
        };
    }
}
