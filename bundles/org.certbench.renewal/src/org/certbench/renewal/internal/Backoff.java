package org.certbench.renewal.internal;

import java.time.Duration;

/**
 * How long renewal waits after failures before it tries a certificate again: the first wait, doubled after each
 * further failure, never longer than the longest. With an hourly schedule (one hour, one day) a CA or agent that is
 * down gets one attempt per certificate an hour at first and one a day after five failures — never a storm.
 *
 * @param first the wait after the first failure; positive
 * @param longest the longest wait; at least {@code first}
 */
record Backoff(Duration first, Duration longest) {

    static final Backoff DEFAULT = new Backoff(Duration.ofHours(1), Duration.ofDays(1));

    Backoff {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("first must be positive and longest at least first"); //$NON-NLS-1$
        }
    }

    /** {@return the wait after {@code failures} (1 or more) failures in a row} */
    Duration after(int failures) {
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) < 0 ? wait : longest;
    }
}
