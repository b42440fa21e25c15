package org.certbench.notify;

import java.util.List;

/**
 * What one {@link Notifications#deliver()} did.
 *
 * @param queued   digests added to the outbox
 * @param sent     digests sent and removed from the outbox
 * @param waiting  digests still waiting (failed, to be retried later)
 * @param problems why deliveries failed, in words
 */
public record Delivery(int queued, int sent, int waiting, List<String> problems) {

    /** Copies the problems. */
    public Delivery {
        problems = List.copyOf(problems);
    }
}
