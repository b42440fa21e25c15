package org.certbench.renewal;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether one certificate is due for renewal, and why, in words.
 *
 * @param due whether it is due now
 * @param dueAt from when it is (or was) due
 * @param notAfter when it expires
 * @param reason why it is due or not, in words ("expires 2026-12-30 (28 days left); due since 2026-12-01 (a third
 *        of its lifetime, at most 30 days)"); never null
 */
public record Due(boolean due, Instant dueAt, Instant notAfter, String reason) {

    /** Refuses null components. */
    public Due {
        Objects.requireNonNull(dueAt, "dueAt"); //$NON-NLS-1$
        Objects.requireNonNull(notAfter, "notAfter"); //$NON-NLS-1$
        Objects.requireNonNull(reason, "reason"); //$NON-NLS-1$
    }
}
