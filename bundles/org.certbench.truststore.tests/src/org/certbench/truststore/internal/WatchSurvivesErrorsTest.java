package org.certbench.truststore.internal;

import static org.certbench.testing.pki.PkiFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.certbench.core.FileWatch;
import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code Error} thrown by a watcher or a listener (an assertion, a class missing after a plug-in update) concerns
 * that run: it is logged, and the watch and the other listeners go on.
 */
class WatchSurvivesErrorsTest {

    @TempDir
    Path work;

    @Test
    void aWatcherThrowingAnErrorIsAskedAgainNextTime() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ranAfterErrors = new CountDownLatch(1);
        try (FileWatch watch = FileWatch.every(Duration.ofMillis(5), work, () -> {
            int run = runs.incrementAndGet();
            if (run == 1) {
                throw new AssertionError("a watcher's assertion");
            }
            if (run == 2) {
                throw new NoClassDefFoundError("org/example/Gone");
            }
            ranAfterErrors.countDown();
        })) {
            assertTrue(ranAfterErrors.await(60, TimeUnit.SECONDS), "the watch ended after " + runs.get() + " runs");
        }
    }

    @Test
    void aListenerThrowingAnErrorNeitherFailsTheImportNorSilencesTheOthers() throws Exception {
        FileTrustStore store = new FileTrustStore(work.resolve("truststore"), new TrustStoreSettings(
                TrustStoreSettings.DEFAULT_WARNING_DAYS, Duration.ofHours(24), List.of()), new RecordedMessages(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        AtomicInteger told = new AtomicInteger();
        store.addChangeListener(() -> {
            throw new AssertionError("a view's assertion");
        });
        store.addChangeListener(told::incrementAndGet);
        Path file = work.resolve("root.pem");
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(PkiFixtures.ca("CN=Told Root",
                        PkiFixtures.ec()))
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);

        assertFalse(store.importCertificate(file).alreadyPresent());
        assertEquals(1, told.get(), "the second listener was told");
    }
}
