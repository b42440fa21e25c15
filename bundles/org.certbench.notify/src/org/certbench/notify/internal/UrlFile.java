package org.certbench.notify.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.osgi.util.NLS;

/**
 * A webhook URL that carries its token (Slack's, Teams'), given as a file so that it is in no shell history or
 * process list: read like every secret (core's {@code SecretFiles}: no link, the owner's alone, bounded), never
 * printed.
 */
public final class UrlFile {

    private UrlFile() {
    }

    /**
     * The URL in {@code file}: one line.
     *
     * @throws IllegalArgumentException in words when the file cannot be used as a secret or holds no URL (which is
     *                                  not quoted: it may be the token itself)
     */
    public static URI read(Path file) {
        String line = new String(Secrets.read(file), StandardCharsets.UTF_8).strip();
        if (line.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(NLS.bind(Messages.UrlFile_notUrl, file));
        }
        try {
            return new URI(line);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.UrlFile_notUrl, file), e);
        }
    }
}
