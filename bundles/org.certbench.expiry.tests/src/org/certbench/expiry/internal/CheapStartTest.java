package org.certbench.expiry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.host.HostCertificates;
import org.certbench.messages.SystemMessages;
import org.certbench.truststore.TrustStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The service starts as the component does (construction, then the start's CA check and schedule, run to their end)
 * without asking for the host service or the fleet — they may load 10,000 agents and handshake — until rows are
 * wanted. The real services of the test runtime, reached through suppliers that count.
 */
class CheapStartTest {

    @TempDir
    Path work;

    @Test
    void neitherHostsNorAgentsAreAskedForUntilRowsAreWanted() throws Exception {
        HostCertificates host = service(HostCertificates.class);
        AgentFleet fleet = service(AgentFleet.class);
        AtomicInteger hostAsked = new AtomicInteger();
        AtomicInteger fleetAsked = new AtomicInteger();
        ExpiryService expiry = new ExpiryService(work.resolve("expiry"), null, service(TrustStore.class),
                service(SystemMessages.class), counting(host, hostAsked), counting(fleet, fleetAsked),
                Clock.systemUTC());
        expiry.start(Duration.ofHours(24));
        // stop waits for what the start queued (the CA check, setting the schedule) to finish
        expiry.stop();

        assertEquals(0, hostAsked.get(), "the host service was asked for at start");
        assertEquals(0, fleetAsked.get(), "the fleet was asked for at start");

        expiry.rows();
        assertTrue(hostAsked.get() > 0, "rows read the host service's targets");
        assertTrue(fleetAsked.get() > 0, "rows read the agents as last seen");
    }

    private static <S> Supplier<S> counting(S service, AtomicInteger asked) {
        return () -> {
            asked.incrementAndGet();
            return service;
        };
    }

    private static <S> S service(Class<S> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(CheapStartTest.class).getBundleContext();
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        S service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        assertNotNull(service, type.getName());
        return service;
    }
}
