package org.certbench.notify.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.osgi.util.NLS;

/**
 * Reads a secret an administrator gives as a file (a password, an Authorization header's value, an HMAC key): bounded,
 * its final line break dropped. Secrets are never arguments, since those end up in shell histories and process lists.
 */
final class Secrets {

    static final int MAX_BYTES = 4096;

    private Secrets() {
    }

    /** @throws IllegalArgumentException in words when the file cannot be read, is empty or too large */
    static byte[] read(Path file) {
        byte[] content;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            content = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.Secret_unreadable, file, e.getMessage()), e);
        }
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException(NLS.bind(Messages.Secret_tooLarge, file, MAX_BYTES));
        }
        int end = content.length;
        while (end > 0 && (content[end - 1] == '\n' || content[end - 1] == '\r')) {
            end--;
        }
        if (end == 0) {
            throw new IllegalArgumentException(NLS.bind(Messages.Secret_empty, file));
        }
        return Arrays.copyOf(content, end);
    }

    /** A header's value must be one line: a line break in it would let the file add headers of its own. */
    static byte[] header(Path file) {
        byte[] value = read(file);
        for (char c : new String(value, StandardCharsets.UTF_8).toCharArray()) {
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(NLS.bind(Messages.Secret_badHeader, file));
            }
        }
        return value;
    }
}
