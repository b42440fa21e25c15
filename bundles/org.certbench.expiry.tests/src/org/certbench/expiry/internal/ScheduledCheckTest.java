package org.certbench.expiry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;
import org.certbench.messages.SystemMessages;
import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.TrustStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The schedule survives a run that fails (a message that cannot be written: disk full): it is logged and the next
 * run posts the message — an executor would otherwise cancel the schedule for good.
 */
class ScheduledCheckTest {

    @TempDir
    Path work;

    private final List<ExpiryService> created = new java.util.ArrayList<>();

    @Test
    void aRunThatFailsIsLoggedAndTheNextRunPostsTheMessage() throws Exception {
        ServiceTracker<TrustStore, TrustStore> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(ScheduledCheckTest.class).getBundleContext(), TrustStore.class, null);
        tracker.open();
        TrustStore trustStore = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        assertNotNull(trustStore);
        Path dropped = Path.of(System.getProperty("certbench.home"), "truststore", "scheduled-expired.der");
        Files.createDirectories(dropped.getParent());
        Files.write(dropped, PkiFixtures.certificate("CN=Scheduled Expired Root").ca(true)
                .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z")).build());
        trustStore.reload();
        RecordedMessages messages = new RecordedMessages();
        DiskFullOnce failing = new DiskFullOnce(messages);
        ExpiryService service = new ExpiryService(work.resolve("expiry"), null, trustStore, failing, () -> null,
                () -> null, Clock.systemUTC());
        try {
            service.start(Duration.ofMillis(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (messages.texts().stream().noneMatch(text -> text.contains("Scheduled Expired Root"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            service.stop();
            Files.deleteIfExists(dropped);
            trustStore.reload();
        }

        assertEquals(1, failing.failures.get(), "the first run failed");
        List<String> texts = messages.texts();
        assertTrue(texts.stream().anyMatch(text -> text.startsWith("The CA certificate 'Scheduled Expired Root' (in the "
                + "trust store, verifying outbound TLS) expired on 2021-01-01")), texts.toString());
    }

    @Test
    void theWholeCheckIsDueFromTheLastOneOnTheHomeNotFromTheStart() throws Exception {
        ServiceTracker<TrustStore, TrustStore> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(ScheduledCheckTest.class).getBundleContext(), TrustStore.class, null);
        tracker.open();
        TrustStore trustStore = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        assertNotNull(trustStore);
        Path home = work.resolve("expiry");
        Duration day = Duration.ofHours(24);
        Instant evening = Instant.parse("2030-03-01T18:00:00Z");

        // a new home: counted from its first start, which runs no whole check itself
        assertEquals(day, service(home, trustStore, evening).firstWholeCheck(day));

        // checked at 18:00, closed, opened the next morning at 08:00: due at 18:00, not 24 hours after the start
        service(home, trustStore, evening).check();
        assertEquals(Duration.ofHours(10),
                service(home, trustStore, evening.plus(Duration.ofHours(14))).firstWholeCheck(day));
        // opened after a weekend: overdue, so soon after the start
        assertEquals(LastWholeCheck.SOON,
                service(home, trustStore, evening.plus(Duration.ofDays(3))).firstWholeCheck(day));
        // an expiry:check in another process counts as well
        service(home, trustStore, evening.plus(Duration.ofDays(3))).check();
        assertEquals(day, service(home, trustStore, evening.plus(Duration.ofDays(3))).firstWholeCheck(day));
        assertEquals("2030-03-04T18:00:00Z", Files.readString(home.resolve("last-check")).strip());
    }

    private ExpiryService service(Path home, TrustStore trustStore, Instant now) {
        ExpiryService service = new ExpiryService(home, null, trustStore, new RecordedMessages(), () -> null,
                () -> null, Clock.fixed(now, java.time.ZoneOffset.UTC));
        created.add(service);
        return service;
    }

    @AfterEach
    void stopServices() {
        // each listens to the trust store of the test runtime
        created.forEach(ExpiryService::stop);
    }

    /** The system messages as on a full disk, once: the first post fails as the stored service's does. */
    private static final class DiskFullOnce implements SystemMessages {

        final AtomicInteger failures = new AtomicInteger();
        private final RecordedMessages delegate;

        DiskFullOnce(RecordedMessages delegate) {
            this.delegate = delegate;
        }

        @Override
        public SystemMessage post(Severity severity, String source, String text, String key) {
            if (failures.compareAndSet(0, 1)) {
                throw new UncheckedIOException("cannot save the system messages: No space left on device",
                        new IOException("No space left on device"));
            }
            return delegate.post(severity, source, text, key);
        }

        @Override
        public List<SystemMessage> list() {
            return delegate.list();
        }

        @Override
        public int unreadCount() {
            return delegate.unreadCount();
        }

        @Override
        public SystemMessage markRead(String id) {
            return delegate.markRead(id);
        }

        @Override
        public int markAllRead() {
            return delegate.markAllRead();
        }
    }
}
