package org.certbench.issuers.internal;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.certbench.core.AtomicFiles;
import org.certbench.core.LinkSafeDirectory;

/**
 * One run of a command issuer's program at a time across threads and processes (the workbench's hourly renewal
 * beside a timer's {@code certbench-shell 'renewal:run'}): a CA program such as {@code openssl ca} keeps its index
 * and serial files without locking. The lock file is {@code issuers/NAME.run.lock}, created 0600 without following a
 * link, locked with {@code fcntl} as {@code lockf(3)} does; the wait is made in slices so that Cancel is heard.
 * <p>
 * One channel per lock file for the life of the process, as {@link org.certbench.core.HomeLock} keeps it: closing
 * any channel of a file releases every lock the process holds on it.
 */
final class ProgramLock {

    private static final long SLICE_MILLIS = 100;
    private static final ConcurrentMap<Path, ProgramLock> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantLock local = new ReentrantLock();
    private FileChannel channel;

    private ProgramLock(Path file) {
        this.file = file;
    }

    /** {@return the lock of this lock file, one per process} */
    static ProgramLock of(Path file) {
        return LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), ProgramLock::new);
    }

    /** What holds the lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits until no other thread or process holds the lock, or {@code canceled} says so.
     *
     * @return the lock held, or null when cancelled while waiting
     * @throws IOException if the lock file cannot be created, is not a regular file, or cannot be locked
     */
    Held acquire(BooleanSupplier canceled) throws IOException, InterruptedException {
        while (!local.tryLock(SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
            if (canceled.getAsBoolean()) {
                return null;
            }
        }
        try {
            FileLock lock;
            while ((lock = tryLock()) == null) {
                if (canceled.getAsBoolean()) {
                    local.unlock();
                    return null;
                }
                Thread.sleep(SLICE_MILLIS);
            }
            FileLock held = lock;
            return () -> {
                try {
                    held.release();
                } catch (ClosedChannelException e) {
                    // an interrupt closed the channel, and the lock with it
                } catch (IOException e) {
                    // the process's lock goes with the channel at the latest
                } finally {
                    local.unlock();
                }
            };
        } catch (IOException | RuntimeException | InterruptedException e) {
            local.unlock();
            throw e;
        }
    }

    private synchronized FileLock tryLock() throws IOException {
        try {
            return channel().tryLock();
        } catch (OverlappingFileLockException e) {
            // cannot be: this process's threads wait on the local lock first
            throw new IOException(e);
        }
    }

    /** Opened on first use, and again if an interrupted thread closed it. */
    private FileChannel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            String name = file.getFileName().toString();
            try (LinkSafeDirectory directory = LinkSafeDirectory.open(file.getParent())) {
                directory.createIfAbsent(name, AtomicFiles.OWNER_ONLY, null);
                // a FIFO planted under the lock's name would make the open wait for a writer for ever
                PosixFileAttributes attributes = directory.attributes(name);
                if (attributes == null || !attributes.isRegularFile()) {
                    throw new IOException(org.eclipse.osgi.util.NLS.bind(Messages.Command_lockNotRegular, file));
                }
            }
            channel = FileChannel.open(file, Set.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
        }
        return channel;
    }
}
