package org.certbench.notify;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A webhook channel to add.
 *
 * @param name       the channel's name (letters, digits, '.', '_', '-')
 * @param url        the HTTPS URL to post to
 * @param format     the body's format
 * @param auth       how the channel proves itself
 * @param secretFile the file holding the header value or HMAC secret (copied into the home), or {@code null} for
 *                   {@link WebhookAuth#NONE}
 * @param timeout    how long one POST may take as a whole (connecting, sending, the answer), whole seconds from 1 to
 *                   {@link #MAX_TIMEOUT}; {@code null} for {@link #DEFAULT_TIMEOUT}
 * @param runbook    the page that says what to do, an {@code http://} or {@code https://} URL in which {@code {kind}},
 *                   {@code {id}} and {@code {name}} are replaced, URL-encoded, by each message's certificate (empty for
 *                   others); it goes with every message. {@code null} or blank for none (since 1.2)
 * @since 1.1
 */
public record WebhookSettings(String name, URI url, WebhookFormat format, WebhookAuth auth, Path secretFile,
        Duration timeout, String runbook) {

    /** The timeout of a channel that sets none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /**
     * The longest timeout a channel may set: a stalled receiver holds the outbox (and a stopping CertBench) this long.
     */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(120);

    /** A channel with the {@link #DEFAULT_TIMEOUT}, without a runbook. */
    public WebhookSettings(String name, URI url, WebhookFormat format, WebhookAuth auth, Path secretFile) {
        this(name, url, format, auth, secretFile, null, null);
    }

    /**
     * A channel without a runbook.
     *
     * @param name       the channel's name
     * @param url        the HTTPS URL to post to
     * @param format     the body's format
     * @param auth       how the channel proves itself
     * @param secretFile the file holding the header value or HMAC secret, or {@code null}
     * @param timeout    how long one POST may take as a whole, or {@code null} for the default
     */
    public WebhookSettings(String name, URI url, WebhookFormat format, WebhookAuth auth, Path secretFile,
            Duration timeout) {
        this(name, url, format, auth, secretFile, timeout, null);
    }
}
