package org.certbench.renewal.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Set;

import org.certbench.core.AtomicFiles;
import org.certbench.core.LinkSafeDirectory;
import org.certbench.renewal.RenewalException;
import org.eclipse.osgi.util.NLS;

/**
 * One {@code renewal:run} at a time on a home, across processes (a timer's shell beside the workbench's hourly job):
 * a lock file taken without waiting, so a run that finds another under way ends at once instead of queueing behind
 * it. A file of its own, not the home's lock: a run holds it for minutes, across network calls.
 */
final class RunLock implements AutoCloseable {

    /** The lock file's name in {@code <home>/renewal/}. */
    static final String FILE = "run.lock"; //$NON-NLS-1$

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Runs {@code work} holding {@code home}'s run lock: the one place {@code renewal:run}, {@code agent:renew},
     * {@code host:renew}, the Host view and the wizard take it, so no two of them plan from the same certificates and
     * renew one twice.
     *
     * @throws RunBusyException if another renewal holds it (it does not wait)
     * @throws RenewalException if the lock cannot be taken, or from {@code work}
     */
    static <T> T alone(RenewalHome home, AgentRenewal.Alone<T> work) throws RenewalException {
        try (RunLock lock = tryAcquire(home.directory().resolve(FILE))) {
            if (lock == null) {
                throw new RunBusyException();
            }
            return work.run();
        } catch (IOException e) {
            throw new RenewalException(NLS.bind(Messages.Settings_cannotWrite, home.directory(), e.getMessage()), e);
        }
    }

    /** {@return the lock, or null when another run holds it} */
    static RunLock tryAcquire(Path file) throws IOException {
        String name = file.getFileName().toString();
        try (LinkSafeDirectory directory = LinkSafeDirectory.open(file.getParent())) {
            directory.createIfAbsent(name, AtomicFiles.OWNER_ONLY, null);
            // a FIFO planted under the lock's name would make the open wait for ever
            PosixFileAttributes attributes = directory.attributes(name);
            if (attributes == null || !attributes.isRegularFile()) {
                throw new IOException(NLS.bind(Messages.Settings_notRegular, file));
            }
        }
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            return new RunLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            // this process runs one already
            channel.close();
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
