package org.certbench.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.HostIdentity;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.RenewalMonitor;
import org.certbench.host.ServerCredentials;
import org.certbench.host.ServiceTarget;
import org.certbench.host.TargetSetting;
import org.certbench.host.TargetSettings;
import org.certbench.testing.messages.RecordedMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generate and Upload cancelled while the service holds the handshake that asks what it serves, before anything is
 * written: the Cancel is not held with it. The operation ends while the service still holds the question (its answer
 * would never come), the question is abandoned, and nothing of the service is touched.
 */
class CancelWhileServiceHoldsTest {

    private static final String NOTHING_DONE = "Cancelled before anything was written: Held service was not changed "
            + "and serves what it served before.";

    @TempDir
    Path work;

    private final HostIdentity host = HostIdentity.detect();
    private final HeldService held = new HeldService();
    private HostCertificateService service;

    @BeforeEach
    void aServiceThatHoldsEveryHandshake() throws Exception {
        service = new HostCertificateService(work.resolve("home/host"), new RecordedMessages(), () -> host,
                Clock.systemUTC(), Duration.ofSeconds(3), false);
        service.addTarget(held);
        service.configure(held.id(), Map.of());
    }

    @AfterEach
    void letItAnswer() {
        held.release.countDown();
    }

    @Test
    // a safety net only (on a thread of its own, which an uninterruptible wait cannot hold): the service never
    // answers by itself
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void generateCancelledWhileTheServiceHoldsTheHandshakeEndsAndTouchesNothing() throws Exception {
        CancelOnceAsked cancel = new CancelOnceAsked(held);

        HostCertificateException failure = assertThrows(HostCertificateException.class,
                () -> service.generate(held.id(), cancel));

        assertEquals(Reason.CANCELED, failure.reason());
        assertEquals(NOTHING_DONE, failure.getMessage());
        held.abandoned.await();
        assertEquals(List.of(), held.changes, "nothing installed, reloaded or restored");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void uploadCancelledWhileTheServiceHoldsTheHandshakeEndsAndTouchesNothing() throws Exception {
        TestCa.Issued issued = TestCa.create(work.resolve("ca")).issue(host.fqdn());
        CancelOnceAsked cancel = new CancelOnceAsked(held);

        HostCertificateException failure = assertThrows(HostCertificateException.class,
                () -> service.upload(held.id(), issued.certificate(), issued.key(), cancel));

        assertEquals(Reason.CANCELED, failure.reason());
        assertEquals(NOTHING_DONE, failure.getMessage());
        held.abandoned.await();
        assertEquals(List.of(), held.changes, "nothing installed, reloaded or restored");
    }

    /** Cancels once the service is being asked what it serves. */
    private static final class CancelOnceAsked implements RenewalMonitor {

        private final HeldService service;

        CancelOnceAsked(HeldService service) {
            this.service = service;
        }

        @Override
        public boolean isCanceled() {
            return service.asked.getCount() == 0;
        }
    }

    /**
     * A service whose handshake never completes until released or its asker gives up (interrupted); it records every
     * change asked of it.
     */
    private static final class HeldService implements ServiceTarget {

        final CountDownLatch asked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch abandoned = new CountDownLatch(1);
        final List<String> changes = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "held";
        }

        @Override
        public String displayName() {
            return "Held service";
        }

        @Override
        public List<TargetSetting> settings() {
            return List.of();
        }

        @Override
        public List<Certificate> current(TargetSettings settings) throws HostCertificateException {
            asked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                abandoned.countDown();
                throw new HostCertificateException(Reason.UNREACHABLE, "the question was abandoned", e);
            }
            throw new HostCertificateException(Reason.UNREACHABLE, "released by the test");
        }

        @Override
        public void install(ServerCredentials credentials, TargetSettings settings) {
            changes.add("install");
        }

        @Override
        public void reload(TargetSettings settings) {
            changes.add("reload");
        }

        @Override
        public void restorePrevious(TargetSettings settings) {
            changes.add("restorePrevious");
        }
    }
}
