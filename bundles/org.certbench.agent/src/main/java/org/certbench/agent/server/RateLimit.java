package org.certbench.agent.server;

import java.time.Duration;

/**
 * At most one log line per interval for one kind of refusal: a client that can make the agent refuse it can
 * make the agent log, and a flood of lines would push the agent's real lines out of journald's own rate limit.
 * The line that is written says how many were left out before it.
 */
final class RateLimit {

    private final long intervalNanos;
    private long next;
    private long suppressed;

    RateLimit(Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.next = System.nanoTime() - intervalNanos;
    }

    /** {@code -1} when this event is not to be logged; otherwise how many were not logged since the last one. */
    synchronized long admit() {
        long now = System.nanoTime();
        if (now - next < 0) {
            suppressed++;
            return -1;
        }
        next = now + intervalNanos;
        long left = suppressed;
        suppressed = 0;
        return left;
    }
}
