package org.certbench.core;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock around a read-modify-write of a file of the home that several processes change (the workbench and a
 * {@code certbench-shell} run beside it): an exclusive {@code FileChannel} lock on a lock file next to it, taken
 * by one thread of this process at a time. Inside it, a store reads the file again if {@link FileStamp} says
 * another process changed it, changes it and writes it; so no process writes back what it held in memory over what
 * another wrote. The operating system releases the lock when a process dies, so a crash leaves no stale lock.
 * <p>
 * A lock file has independent regions (one byte each): a store of many files (the agent inventory, one file per
 * agent) locks the region of a file's bucket, so that a batch changing a thousand agents still writes in parallel.
 * Reentrant within a thread.
 */
public final class HomeLock {

    /**
     * Per lock file, one channel for the life of the process and one in-process lock per region: a file lock
     * belongs to the whole process, and closing any channel of the file would release every lock the process holds
     * on it.
     */
    private static final ConcurrentHashMap<Path, LockFile> FILES = new ConcurrentHashMap<>();

    private final Path path;
    private final LockFile file;

    /**
     * A lock on this file; nothing is locked until {@code run} is called.
     * @param lockFile for example {@code messages/messages.lock}; created 0600 (its content stays empty)
     */
    public HomeLock(Path lockFile) {
        this.path = lockFile.toAbsolutePath().normalize();
        this.file = FILES.computeIfAbsent(path, LockFile::new);
    }

    /** {@return the lock file, absolute and normalized} */
    public Path path() {
        return path;
    }

    /** Work done while the lock is held. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        /**
         * Does the work while the lock is held.
         * @return its result
         * @throws E as the work fails
         */
        T run() throws E;
    }

    /**
     * Runs {@code work} holding the whole lock (region 0), waiting for another process or thread that holds it.
     *
     * @throws IOException when the lock file cannot be created or locked (its path and reason in the message)
     */
    public <T, E extends Exception> T call(Work<T, E> work) throws IOException, E {
        return call(0, work);
    }

    /** Runs {@code work} holding region {@code region} (0 or more) of the lock file. */
    public <T, E extends Exception> T call(int region, Work<T, E> work) throws IOException, E {
        ReentrantLock local = file.regions.computeIfAbsent(region, r -> new ReentrantLock());
        local.lock();
        try {
            if (local.getHoldCount() > 1) {
                return work.run();
            }
            FileLock held = file.channel().lock(region, 1, false);
            try {
                return work.run();
            } finally {
                try {
                    held.release();
                } catch (ClosedChannelException e) {
                    // the channel was closed by an interrupt, and the lock with it
                }
            }
        } finally {
            local.unlock();
        }
    }

    private static final class LockFile {

        final ConcurrentHashMap<Integer, ReentrantLock> regions = new ConcurrentHashMap<>();
        private final Path path;
        private FileChannel channel;

        LockFile(Path path) {
            this.path = path;
        }

        /** Opened on first use, and again if an interrupted thread closed it. */
        synchronized FileChannel channel() throws IOException {
            if (channel == null || !channel.isOpen()) {
                Files.createDirectories(path.getParent());
                channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY));
            }
            return channel;
        }
    }
}
