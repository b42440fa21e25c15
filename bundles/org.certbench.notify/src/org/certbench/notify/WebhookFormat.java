package org.certbench.notify;

/** The JSON body a webhook channel posts. */
public enum WebhookFormat {
    /** CertBench's own document: the event and each message with its certificate, severity and text. */
    GENERIC,
    /** The incoming-webhook body of Slack and Mattermost: {@code {"text": ...}}. */
    SLACK
}
