package org.certbench.notify;

/** How a webhook channel proves itself to the receiver. */
public enum WebhookAuth {
    /** Nothing. */
    NONE,
    /** An {@code Authorization} header whose value is the content of a file. */
    HEADER,
    /**
     * {@code X-CertBench-Timestamp: SECONDS} (since 1970, UTC) and {@code X-CertBench-Signature: sha256=HEX}, the
     * HMAC-SHA256 with a secret from a file of the timestamp, a full stop and the body: a receiver that refuses old
     * timestamps refuses a recorded request played again.
     */
    HMAC
}
