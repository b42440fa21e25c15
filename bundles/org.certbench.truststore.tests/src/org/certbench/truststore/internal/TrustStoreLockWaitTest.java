package org.certbench.truststore.internal;

import static org.certbench.testing.pki.PkiFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.certbench.core.HomeLock;
import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.ImportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shell stopped while it holds {@code truststore.lock} (Ctrl-Z): an import of the workbench waits for it, but the
 * views and the watch, which only read, go on with what the workbench holds.
 */
class TrustStoreLockWaitTest {

    @TempDir
    Path work;

    @Test
    void readersGoOnWhileAnImportWaitsForTheHomeLock() throws Exception {
        FileTrustStore store = new FileTrustStore(work.resolve("truststore"), new TrustStoreSettings(
                TrustStoreSettings.DEFAULT_WARNING_DAYS, Duration.ofHours(24), List.of()), new RecordedMessages(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Path file = work.resolve("root.pem");
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(PkiFixtures.ca("CN=Waiting Root",
                        PkiFixtures.ec()))
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        // another thread of this process holds the lock as a stopped shell would: HomeLock serialises threads too
        HomeLock shell = new HomeLock(work.resolve("truststore.lock"));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicReference<Thread> importer = new AtomicReference<>();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> holder = threads.submit(() -> shell.call(() -> {
                held.countDown();
                resume.await();
                return null;
            }));
            held.await();
            Future<ImportResult> imported = threads.submit(() -> {
                importer.set(Thread.currentThread());
                return store.importCertificate(file);
            });
            while (importer.get() == null || importer.get().getState() != Thread.State.WAITING) {
                Thread.sleep(5); // until the import waits for the lock
            }

            Future<Integer> listed = threads.submit(() -> store.list().size());
            assertEquals(0, listed.get(60, TimeUnit.SECONDS), "list() returned while the import waited");

            resume.countDown();
            holder.get();
            assertTrue(!imported.get().alreadyPresent());
            assertEquals(1, store.list().size());
        } finally {
            resume.countDown();
            threads.shutdownNow();
        }
    }
}
