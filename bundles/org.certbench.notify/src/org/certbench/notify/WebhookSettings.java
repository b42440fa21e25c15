package org.certbench.notify;

import java.net.URI;
import java.nio.file.Path;

/**
 * A webhook channel to add.
 *
 * @param name       the channel's name (letters, digits, '.', '_', '-')
 * @param url        the HTTPS URL to post to
 * @param format     the body's format
 * @param auth       how the channel proves itself
 * @param secretFile the file holding the header value or HMAC secret (copied into the home), or {@code null} for
 *                   {@link WebhookAuth#NONE}
 */
public record WebhookSettings(String name, URI url, WebhookFormat format, WebhookAuth auth, Path secretFile) {
}
