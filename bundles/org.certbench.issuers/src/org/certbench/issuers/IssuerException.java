package org.certbench.issuers;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An issuer's failure, with its kind and a message in words for an administrator (what failed and, where the
 * issuer knows it, what to do). The message never contains key material.
 */
public class IssuerException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure it was; renewal retries the transient ones and reports all of them. */
    public enum Reason {
        /** The issuer will not sign this request (wrong kind, names or key not belonging to it, policy). */
        REFUSED,
        /** The issuer cannot be reached or cannot work now (network, CA down, program missing); may pass. */
        UNAVAILABLE,
        /** The issuer did not answer within its time limit; may pass. */
        TIMEOUT,
        /** What the issuer returned is not a certificate for this request (garbage, wrong key, wrong names). */
        INVALID_RESPONSE,
        /** The caller cancelled through {@link IssueMonitor#isCanceled()}. */
        CANCELED,
        /** The issuer cannot do what was asked at all (revoke, for one). */
        UNSUPPORTED
    }

    /** The kind of failure (part of the serialized form). */
    private final Reason reason;

    /** Not before this time, as the issuer asked; null where it did not (part of the serialized form). */
    private final Instant retryAfter;

    /**
     * A failure of the given kind, without an underlying cause.
     *
     * @param reason the kind of failure; never null
     * @param message what failed, in words
     */
    public IssuerException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = null;
    }

    /**
     * A failure of the given kind caused by another one.
     *
     * @param reason the kind of failure; never null
     * @param message what failed, in words
     * @param cause the underlying failure, for logs
     */
    public IssuerException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = null;
    }

    /**
     * A failure of the given kind caused by another one, with the time the issuer asked not to be tried before (an
     * ACME CA's {@code Retry-After}, a rate limit): renewal does not try again earlier.
     *
     * @param reason the kind of failure; never null
     * @param message what failed, in words
     * @param cause the underlying failure, for logs
     * @param retryAfter not before this time; null where the issuer did not say
     * @since 1.3
     */
    public IssuerException(Reason reason, String message, Throwable cause, Instant retryAfter) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = retryAfter;
    }

    /**
     * {@return the time the issuer asked not to be tried before, where it said one}
     *
     * @since 1.3
     */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** {@return the kind of failure} */
    public Reason reason() {
        return reason;
    }

    /** {@return whether trying again later may succeed (unavailable, timed out)} */
    public boolean isTransient() {
        return reason == Reason.UNAVAILABLE || reason == Reason.TIMEOUT;
    }
}
