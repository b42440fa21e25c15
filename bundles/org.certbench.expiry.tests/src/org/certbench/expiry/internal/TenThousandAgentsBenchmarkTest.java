package org.certbench.expiry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.SeenCertificate;
import org.certbench.crypto.Certificate;
import org.certbench.expiry.ExpiryKinds;
import org.certbench.expiry.ExpiryList;
import org.certbench.host.HostCertificates;
import org.certbench.messages.SystemMessages;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.TrustStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A benchmark, not a timed assertion: how long the service takes to make the rows of 10,000 agents as last seen
 * (printed). The fleet's side (reading {@code last-seen.properties} and the certificates) is measured by the
 * connector; here it answers from memory, so that the numbers are the overview's own work: joining sightings to the
 * inventory, a row each, the sort by days left.
 */
class TenThousandAgentsBenchmarkTest {

    private static final int AGENTS = 10_000;
    private static final int RUNS = 5;

    @TempDir
    Path work;

    @Test
    void rowsOfTenThousandAgentsAsLastSeen() throws Exception {
        Instant now = Instant.now();
        List<Certificate> certificates = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            certificates.add(Certificate.fromDer(PkiFixtures.certificate("CN=agent-" + i + ".bench.test")
                    .validity(now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(3 * i + 1))).build(), "bench"));
        }
        List<AgentEntry> agents = new ArrayList<>();
        List<SeenCertificate> seen = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String name = String.format("agent%05d", i); //$NON-NLS-1$
            Certificate certificate = certificates.get(i % certificates.size());
            agents.add(new AgentEntry(name, "10.0." + i / 256 + "." + i % 256, 8443, now.minus(Duration.ofDays(1)),
                    certificate, null));
            seen.add(new SeenCertificate(name, certificate, now.minus(Duration.ofHours(1))));
        }
        AgentFleet fleet = (AgentFleet) Proxy.newProxyInstance(AgentFleet.class.getClassLoader(),
                new Class<?>[] { AgentFleet.class }, (proxy, method, arguments) -> switch (method.getName()) {
                    case "list" -> agents;
                    case "lastSeen" -> seen;
                    case "trusts" -> Boolean.TRUE;
                    case "addChangeListener", "removeChangeListener", "addSeenListener", "removeSeenListener" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        HostCertificates host = service(HostCertificates.class);
        ExpiryService expiry = new ExpiryService(work.resolve("expiry"), null, service(TrustStore.class),
                service(SystemMessages.class), () -> host, () -> fleet, Clock.systemUTC());
        try {
            long[] millis = new long[RUNS];
            ExpiryList rows = null;
            for (int run = 0; run < RUNS; run++) {
                long started = System.nanoTime();
                rows = expiry.rows();
                millis[run] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            }
            assertEquals(AGENTS, rows.rows().stream().filter(row -> row.kind().equals(ExpiryKinds.AGENT)).count());
            System.out.println("BENCHMARK expiry rows() of " + AGENTS + " agents as last seen, ms per run: "
                    + java.util.Arrays.toString(millis));
        } finally {
            expiry.stop();
        }
    }

    private static <S> S service(Class<S> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(TenThousandAgentsBenchmarkTest.class).getBundleContext();
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        S service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        assertNotNull(service, type.getName());
        return service;
    }
}
