package org.certbench.notify;

/** How a webhook channel proves itself to the receiver. */
public enum WebhookAuth {
    /** Nothing. */
    NONE,
    /** An {@code Authorization} header whose value is the content of a file. */
    HEADER,
    /** An {@code X-CertBench-Signature: sha256=HEX} header, the HMAC-SHA256 of the body with a secret from a file. */
    HMAC
}
