package org.certbench.agent.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import org.certbench.core.AtomicFiles;
import org.certbench.crypto.CertBenchCryptoException;

/**
 * Serialises changes to one state directory: between processes (the running agent and a CLI command) by
 * an OS file lock, and between threads of one process by a lock per directory, because the JVM refuses a
 * second file lock on the same file from the same process.
 */
final class StateLock {

    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private StateLock() {
    }

    static <T> T holding(Path lockFile, StateChange<T> change) throws IOException, CertBenchCryptoException {
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(lockFile, path -> new ReentrantLock());
        threads.lock();
        // created by AgentStateDirectory.open (owned by the service user when root created it); never through a link
        try (FileChannel channel = FileChannel.open(lockFile,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY));
                FileLock processes = channel.lock()) {
            return change.run();
        } finally {
            threads.unlock();
        }
    }
}
