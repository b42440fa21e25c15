package org.certbench.core;

import java.io.IOException;
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
 * Reentrant within a thread.
 */
public final class HomeLock {

    /** A file lock belongs to the whole process: threads of one process wait for each other here first. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ReentrantLock local;

    /** @param lockFile for example {@code messages/messages.lock}; created 0600 (its content stays empty) */
    public HomeLock(Path lockFile) {
        this.lockFile = lockFile.toAbsolutePath().normalize();
        this.local = IN_PROCESS.computeIfAbsent(this.lockFile, file -> new ReentrantLock());
    }

    public Path path() {
        return lockFile;
    }

    /** Work done while the lock is held. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code work} holding the lock, waiting for another process or thread that holds it.
     *
     * @throws IOException when the lock file cannot be created or locked (its path and reason in the message)
     */
    public <T, E extends Exception> T call(Work<T, E> work) throws IOException, E {
        local.lock();
        try {
            if (local.getHoldCount() > 1) {
                return work.run();
            }
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY));
                    FileLock held = channel.lock()) {
                return work.run();
            }
        } finally {
            local.unlock();
        }
    }
}
