package org.certbench.notify;

/** The JSON body a webhook channel posts. */
public enum WebhookFormat {
    /**
     * CertBench's own document: the event and each message with its severity and text, and for an expiry warning
     * its certificate (kind, id, name, fingerprint, not-after instant, days left, threshold, what to do).
     */
    GENERIC,
    /** The incoming-webhook body of Slack and Mattermost: {@code {"text": ...}}. */
    SLACK
}
