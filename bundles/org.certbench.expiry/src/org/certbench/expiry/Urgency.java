package org.certbench.expiry;

/** How soon a certificate expires, as the overview colours and sorts it. */
public enum Urgency {
    /** Past its not-after date. */
    EXPIRED,
    /** Expires within 7 days. */
    WITHIN_7_DAYS,
    /** Expires within 30 days. */
    WITHIN_30_DAYS,
    /** Expires later than 30 days from now. */
    FINE;

    /**
     * The urgency of a certificate with {@code daysLeft} whole days left ({@link ExpiryRow#daysLeft()}).
     *
     * @param expired whether the not-after date has passed (a certificate with 0 days left may still be valid)
     * @return never {@code null}
     */
    public static Urgency of(long daysLeft, boolean expired) {
        if (expired) {
            return EXPIRED;
        }
        if (daysLeft <= 7) {
            return WITHIN_7_DAYS;
        }
        return daysLeft <= 30 ? WITHIN_30_DAYS : FINE;
    }
}
