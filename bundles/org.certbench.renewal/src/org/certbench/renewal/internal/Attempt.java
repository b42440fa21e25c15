package org.certbench.renewal.internal;

import java.time.Instant;

/**
 * What the failed renewal attempts of one certificate left: how many in a row, the last one's kind of failure and
 * reason, when the next may be made, and the system message that reports them (one per certificate and kind of
 * failure).
 *
 * @param failures failed attempts since the last success; at least 1
 * @param failureKind a short word for the kind of failure (an issuer's failure reason, "agent", "apply")
 * @param reason the last failure in words
 * @param notBefore the next attempt is not made before this
 * @param messageId the system message that reports this kind of failure, or empty
 */
record Attempt(int failures, String failureKind, String reason, Instant notBefore, String messageId) {
}
