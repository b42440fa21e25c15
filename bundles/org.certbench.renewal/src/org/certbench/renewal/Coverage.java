package org.certbench.renewal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a certificate is left to renewal, for features that would otherwise warn about its expiry.
 *
 * @param covered whether a scheduled policy renews it (its kind has an issuer, and for an agent the certificate
 *        came from one of this console's issuers or the agent was adopted)
 * @param failure the reason, in words, of the last renewal attempt when it failed; empty when none failed since the
 *        last success
 * @param dueAt from when the certificate is due under the policy's rule
 */
public record Coverage(boolean covered, Optional<String> failure, Instant dueAt) {

    /** How long a covered certificate may stay due before its expiry is worth a warning after all. */
    public static final Duration GRACE = Duration.ofHours(24);

    /** Refuses null components. */
    public Coverage {
        Objects.requireNonNull(failure, "failure"); //$NON-NLS-1$
        Objects.requireNonNull(dueAt, "dueAt"); //$NON-NLS-1$
    }

    /**
     * {@return whether expiry warnings should speak of this certificate at {@code now}: it is not covered, its
     * renewal failed, or it has been due for {@link #GRACE} without being renewed}
     */
    public boolean warrantsExpiryWarning(Instant now) {
        return !covered || failure.isPresent() || !now.isBefore(dueAt.plus(GRACE));
    }
}
