package org.certbench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * What tells cheaply (one {@code stat}) whether another process changed a file since this one read or wrote it:
 * its modification time, size and file key (the inode: {@link AtomicFiles} replaces a file by a new one, so a
 * rewrite within the clock's resolution still shows).
 */
public record FileStamp(FileTime modified, long size, Object fileKey) {

    /** A file that does not exist. */
    public static final FileStamp ABSENT = new FileStamp(FileTime.fromMillis(0), -1, null);

    /**
     * File systems keep modification times with a coarse clock (a few milliseconds; a second on some): a second
     * change within the same tick, of the same size, can leave a stamp as it was (a directory's inode never changes,
     * a replaced file's number may be reused).
     */
    static final Duration RACY = Duration.ofSeconds(2);

    /**
     * Whether this stamp, taken at {@code taken}, is so close to the change it shows that a later change in the same
     * clock tick would not show: its holder looks at the content again rather than trusting an equal stamp.
     */
    public boolean racyAt(Instant taken) {
        return !equals(ABSENT) && modified.toInstant().isAfter(taken.minus(RACY));
    }

    /**
     * The stamp of this file now, or the stamp of a missing file.
     * @throws IOException when the file exists but cannot be examined
     */
    public static FileStamp of(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return new FileStamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        } catch (NoSuchFileException e) {
            return ABSENT;
        }
    }
}
