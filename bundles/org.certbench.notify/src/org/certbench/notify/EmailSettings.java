package org.certbench.notify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An email channel to add.
 *
 * @param name         the channel's name (letters, digits, '.', '_', '-')
 * @param to           the recipients' addresses
 * @param from         the sender's address
 * @param host         the SMTP server's host name or address
 * @param port         its port
 * @param security     how the connection is protected
 * @param user         the user to authenticate as, or {@code null} for none
 * @param passwordFile the file holding the password (copied into the home), or {@code null}
 * @param timeout      how long one mail may take as a whole (connecting, TLS, authentication, the transaction):
 *                     whole seconds from 1 to {@link WebhookSettings#MAX_TIMEOUT}; {@code null} for
 *                     {@link #DEFAULT_TIMEOUT}. A server that answers a byte at a time is cut off at this bound (since 1.1).
 * @param runbook      the page that says what to do, an {@code http://} or {@code https://} URL in which
 *                     {@code {kind}}, {@code {id}} and {@code {name}} are replaced, URL-encoded, by each message's
 *                     certificate (empty for others); each mail names it under every message. {@code null} or blank
 *                     for none (since 1.2)
 */
public record EmailSettings(String name, List<String> to, String from, String host, int port, SmtpSecurity security,
        String user, Path passwordFile, Duration timeout, String runbook) {

    /**
     * The bound on one mail of a channel that sets none.
     *
     * @since 1.1
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * A channel with the {@link #DEFAULT_TIMEOUT}.
     *
     * @param name         the channel's name
     * @param to           the recipients' addresses
     * @param from         the sender's address
     * @param host         the SMTP server's host name or address
     * @param port         its port
     * @param security     how the connection is protected
     * @param user         the user to authenticate as, or {@code null} for none
     * @param passwordFile the file holding the password, or {@code null}
     */
    public EmailSettings(String name, List<String> to, String from, String host, int port, SmtpSecurity security,
            String user, Path passwordFile) {
        this(name, to, from, host, port, security, user, passwordFile, null, null);
    }

    /**
     * A channel without a runbook.
     *
     * @param name         the channel's name
     * @param to           the recipients' addresses
     * @param from         the sender's address
     * @param host         the SMTP server's host name or address
     * @param port         its port
     * @param security     how the connection is protected
     * @param user         the user to authenticate as, or {@code null} for none
     * @param passwordFile the file holding the password, or {@code null}
     * @param timeout      how long one mail may take as a whole, or {@code null} for the default
     * @since 1.1
     */
    public EmailSettings(String name, List<String> to, String from, String host, int port, SmtpSecurity security,
            String user, Path passwordFile, Duration timeout) {
        this(name, to, from, host, port, security, user, passwordFile, timeout, null);
    }

    /** Copies the recipients. */
    public EmailSettings {
        to = List.copyOf(to);
    }
}
