package org.certbench.notify;

import java.nio.file.Path;
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
 */
public record EmailSettings(String name, List<String> to, String from, String host, int port, SmtpSecurity security,
        String user, Path passwordFile) {

    /** Copies the recipients. */
    public EmailSettings {
        to = List.copyOf(to);
    }
}
