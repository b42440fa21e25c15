package org.certbench.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a state or settings file that another process or user may have replaced: never through a link at the
 * file's own name and never from anything but a regular file. A FIFO in its place would block the read forever
 * (often while a cross-process lock is held, stopping every other process too), a link could make a process
 * running as root read any file of the system.
 *
 * @since 1.4
 */
public final class LinkSafeFiles {

    private LinkSafeFiles() {
    }

    /**
     * At most the first {@code limit + 1} bytes of the regular file {@code file}: a result longer than
     * {@code limit} tells the caller that the file is larger than its bound, however it grew since anyone looked
     * at its size, and the caller decides whether that is an error or just no usable content.
     *
     * @throws NoSuchFileException if there is no such file (or no directory it could be in)
     * @throws IOException         in words if it is a link or no regular file (a FIFO), or cannot be read
     */
    public static byte[] readAtMost(Path file, int limit) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent == null || absolute.getFileName() == null || !Files.isDirectory(parent)) {
            throw new NoSuchFileException(file.toString());
        }
        // the directories up to the file are the administrator's (a home behind a link is fine); only the file
        // itself is opened without following a link, and only when it is a regular file
        try (LinkSafeDirectory directory = LinkSafeDirectory.open(parent.toRealPath());
                InputStream in = Channels.newInputStream(directory.openForReading(absolute.getFileName().toString()))) {
            return in.readNBytes(limit + 1);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString());
        }
    }

    /**
     * As {@link #readAtMost}, for a file the administrator named (on a command line, in a dialog, in a setting): a
     * link at that name is followed first, since the administrator chose it and CertBench reads it with their rights
     * ({@code /etc/ssl/certs} is mostly links); what it leads to is read only if it is a regular file, so a FIFO or a
     * device there is refused at once rather than holding the command or the window up for ever.
     *
     * @throws NoSuchFileException if there is no such file, or the link leads nowhere
     * @throws IOException         in words if it leads to no regular file, or cannot be read
     */
    public static byte[] readNamedAtMost(Path file, int limit) throws IOException {
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString());
        }
        return readAtMost(real, limit);
    }
}
