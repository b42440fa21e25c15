package org.certbench.core;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Reads a settings file ({@code net.properties}, {@code host/<id>.properties}, …) that another process or user may
 * have written: in UTF-8, and never more than a bound, so that a huge file (by mistake or on purpose) is refused in
 * words instead of filling the memory of every process that re-reads it at each look of its watch.
 *
 * @since 1.1
 */
public final class PropertiesFiles {

    /** The bound for settings files: a few lines of settings are a few hundred bytes. */
    public static final int SETTINGS_LIMIT = 64 * 1024;

    private static final TextBundle TEXTS = new TextBundle("org.certbench.core.messages", //$NON-NLS-1$
            PropertiesFiles.class.getClassLoader());

    private PropertiesFiles() {
    }

    /**
     * The properties of {@code file}, read as UTF-8, at most {@code limit} bytes, never through a link nor from
     * anything but a regular file.
     *
     * @throws java.nio.file.NoSuchFileException if there is no such file
     * @throws IOException in words if it is larger than {@code limit} bytes (nothing of it is used), a link or no
     *                     regular file (a FIFO), or cannot be read
     * @throws IllegalArgumentException if it holds a malformed {@code \\u} escape (as {@link Properties#load})
     */
    public static Properties load(Path file, int limit) throws IOException {
        byte[] bytes = LinkSafeFiles.readAtMost(file, limit);
        if (bytes.length > limit) {
            throw new IOException(TEXTS.format("tooLarge", file, String.valueOf(limit))); //$NON-NLS-1$
        }
        Properties properties = new Properties();
        properties.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        return properties;
    }
}
