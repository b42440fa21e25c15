package org.certbench.expiry.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.certbench.core.AtomicFiles;
import org.certbench.core.HomeLock;
import org.certbench.core.LinkSafeFiles;

/**
 * When the whole check last ran on this home, in {@code <home>/expiry/last-check} (an ISO-8601 instant) under the
 * lock {@code expiry/last-check.lock}: a workbench closed every evening would otherwise never reach its first daily
 * run, and several processes on the home share one daily check. Thread-safe.
 */
final class LastWholeCheck {

    /** How soon after start an overdue check runs: not during the start itself, which must stay cheap. */
    static final Duration SOON = Duration.ofMinutes(1);

    /** A file of more is no instant: not read. */
    private static final int MAX_BYTES = 100;

    private final Path file;
    private final HomeLock lock;

    LastWholeCheck(Path directory) {
        this(directory, "last-check"); //$NON-NLS-1$
    }

    /** The record {@code name} in {@code directory}, under the lock {@code name.lock}. */
    LastWholeCheck(Path directory, String name) {
        this.file = directory.resolve(name);
        this.lock = new HomeLock(directory.resolve(name + ".lock")); //$NON-NLS-1$
    }

    /** The instant noted, or {@code null} when none is (or it cannot be read). */
    Instant last() throws IOException {
        if (!Files.exists(file)) {
            // nothing noted yet: no directory made, no lock taken, just to read nothing
            return null;
        }
        return lock.call(this::read);
    }

    /**
     * How long after {@code now} the next whole check is due: {@link #SOON} (at most the interval) when overdue. A
     * home that never noted one (new, or from before this record) counts from {@code now}, noted now: its first
     * start does not run a whole check, and a test runtime does not run one in the middle of its tests.
     */
    Duration untilDue(Instant now, Duration interval) throws IOException {
        Duration soon = SOON.compareTo(interval) < 0 ? SOON : interval;
        Files.createDirectories(file.getParent());
        Instant last = lock.call(() -> {
            Instant noted = read();
            if (noted == null) {
                write(now);
                return now;
            }
            return noted;
        });
        Duration left = Duration.between(now, last.plus(interval));
        return left.compareTo(soon) < 0 ? soon : left;
    }

    /**
     * Whether a scheduled run should check now: not when another process (or an {@code expiry:check}) did within the
     * interval, less a hundredth of it for the schedule's own drift.
     */
    boolean due(Instant now, Duration interval) throws IOException {
        Instant last = lock.call(this::read);
        return last == null || !now.isBefore(last.plus(interval).minus(interval.dividedBy(100)));
    }

    /** Notes a whole check that ran at {@code at}; an earlier time than the one noted is ignored. */
    void ran(Instant at) throws IOException {
        Files.createDirectories(file.getParent());
        lock.call(() -> {
            Instant last = read();
            if (last == null || at.isAfter(last)) {
                write(at);
            }
            return null;
        });
    }

    private void write(Instant at) throws IOException {
        AtomicFiles.write(file, (at.toString() + "\n").getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
    }

    /** The instant noted, or {@code null} when there is none or it cannot be read (then a check is due). */
    private Instant read() throws IOException {
        byte[] bytes;
        try {
            // never through a link nor from a FIFO (which would block here, the lock held): either is refused in words
            bytes = LinkSafeFiles.readAtMost(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (bytes.length > MAX_BYTES) {
            return null;
        }
        try {
            return Instant.parse(new String(bytes, StandardCharsets.US_ASCII).strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
