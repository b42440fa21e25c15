package org.certbench.truststore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.certbench.core.HomeLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock files of the home: root running a shell on a user's home leaves them the user's, and what is not a
 * regular file under a lock's name (a FIFO would block its opening for ever) is refused in words. The tests run as
 * root (as StateOwnerTest's); {@code nobody} plays the user.
 */
class HomeLockFileTest {

    @TempDir
    Path work;

    @Test
    void aLockFileRootCreatesInAUsersHomeIsTheUsers() throws Exception {
        Path home = Files.createDirectory(work.resolve("home"));
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        UserPrincipal nobody = home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(home, nobody);

        new HomeLock(home.resolve("truststore.lock")).call(() -> null);

        Path lock = home.resolve("truststore.lock");
        assertEquals(nobody, Files.getOwner(lock, LinkOption.NOFOLLOW_LINKS));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)));
    }

    @Test
    void aFifoUnderTheLocksNameIsRefusedInWordsRatherThanWaitedOn() throws Exception {
        Path fifo = work.resolve("net.lock");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Object> locked = thread.submit(() -> new HomeLock(fifo).call(() -> null));
            ExecutionException refused = assertThrows(ExecutionException.class, () -> locked.get(60, TimeUnit.SECONDS));
            assertInstanceOf(IOException.class, refused.getCause());
            assertEquals(fifo + " is no regular file, so it cannot serve as the lock of its store: remove it, and the"
                    + " next change creates it again", refused.getCause().getMessage());
        } finally {
            // a writer blocked in open(2) of the FIFO goes on once a reader opens it
            thread.shutdownNow();
            if (!thread.awaitTermination(1, TimeUnit.SECONDS)) {
                new ProcessBuilder("sh", "-c", "exec cat \"$0\" >/dev/null", fifo.toString()).start();
            }
        }
    }
}
