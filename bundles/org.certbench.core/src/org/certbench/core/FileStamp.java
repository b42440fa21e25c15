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
     * Held for a file whose stamp was taken too close to its change to be trusted (see {@link #trustedAt}): it equals
     * no stamp {@link #of} returns, so the holder reads the file again at its next look.
     */
    public static final FileStamp UNSURE = new FileStamp(FileTime.fromMillis(0), -2, null);

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
        // a modification time in the future (another host's clock, touch -d) is not racy for ever: only one within
        // a tick of the look can hide a later change
        return !equals(ABSENT) && Duration.between(modified.toInstant(), taken).abs().compareTo(RACY) < 0;
    }

    /**
     * What to hold as the stamp of a file read or written: this stamp, or {@link #UNSURE} when it was taken (at
     * {@code taken}) within the clock tick of the file's change. A file replaced again within the same tick can come
     * back with this very stamp (same size, same modification time, and a file system that hands out inode numbers
     * alternately on rename), so an equal stamp proves nothing until the tick has passed.
     */
    public FileStamp trustedAt(Instant taken) {
        return racyAt(taken) ? UNSURE : this;
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
