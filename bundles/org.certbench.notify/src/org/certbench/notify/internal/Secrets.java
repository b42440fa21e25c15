package org.certbench.notify.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.certbench.core.SecretFiles;
import org.eclipse.osgi.util.NLS;

/**
 * A secret an administrator gives as a file (a password, an Authorization header's value, an HMAC key), read by
 * core's {@link SecretFiles} (no link, a regular file of its owner alone, bounded), its final line break dropped.
 */
final class Secrets {

    static final int MAX_BYTES = 4096;

    private Secrets() {
    }

    /**
     * @throws IllegalArgumentException in words when the file is missing, a link, open to others, too large or
     *                                  empty
     */
    static byte[] read(Path file) {
        byte[] content;
        try {
            content = SecretFiles.read(file, MAX_BYTES);
        } catch (IOException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.Secret_unreadable, file, e.getMessage()), e);
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
