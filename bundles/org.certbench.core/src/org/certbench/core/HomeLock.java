package org.certbench.core;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
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
    private static final TextBundle TEXTS = new TextBundle("org.certbench.core.messages", //$NON-NLS-1$
            HomeLock.class.getClassLoader());

    private final Path path;
    private final LockFile file;

    /**
     * A lock on this file; nothing is locked until {@code run} is called.
     * @param lockFile for example {@code messages/messages.lock}; created 0600 (its content stays empty), owned by
     *                 its directory's owner, never through a link; anything but a regular file there is refused
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
                String name = path.getFileName().toString();
                try (LinkSafeDirectory directory = LinkSafeDirectory.open(path.getParent())) {
                    // owned like its directory: a lock file root created (sudo certbench-shell --home
                    // ~alice/.certbench) must not lock alice's workbench out of her own home
                    directory.createIfAbsent(name, AtomicFiles.OWNER_ONLY, ownerFor(directory));
                    // opening a FIFO planted under the lock's name would wait for a reader for ever
                    PosixFileAttributes attributes = directory.attributes(name);
                    if (attributes == null || !attributes.isRegularFile()) {
                        throw new IOException(TEXTS.format("lockNotRegular", path)); //$NON-NLS-1$
                    }
                }
                channel = FileChannel.open(path, Set.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
            }
            return channel;
        }

        /**
         * The directory's owner when root creates the file in another user's directory, else {@code null} (the
         * user's own): only root can give a file away, and another user sharing a group-writable home keeps it.
         */
        private static UserPrincipal ownerFor(LinkSafeDirectory directory) throws IOException {
            UserPrincipal self = directory.path().getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name")); //$NON-NLS-1$
            if (!"root".equals(self.getName())) { //$NON-NLS-1$
                return null;
            }
            UserPrincipal owner = Files.getOwner(directory.path(), LinkOption.NOFOLLOW_LINKS);
            return owner.equals(self) ? null : owner;
        }
    }
}
