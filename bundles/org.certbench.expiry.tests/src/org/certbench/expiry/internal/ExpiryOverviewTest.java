package org.certbench.expiry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.crypto.Certificate;
import org.certbench.expiry.ContributedCertificate;
import org.certbench.expiry.ExpiryContributor;
import org.certbench.expiry.ExpiryKinds;
import org.certbench.expiry.ExpiryList;
import org.certbench.expiry.ExpiryOverview;
import org.certbench.expiry.ExpiryRow;
import org.certbench.expiry.Urgency;
import org.certbench.host.HostCertificates;
import org.certbench.messages.SystemMessage;
import org.certbench.messages.SystemMessages;
import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.pki.OpensslServer;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.TrustStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The overview and the check over the real services of the test runtime (its home in {@code target/}): a CA of the
 * trust store, the https host service serving a certificate (openssl s_server), a real agent as seen at its last
 * refresh, and a plug-in's contribution — one of whose certificates the host service serves and so appears once, as
 * the host row. Then the staged messages of every kind with a clock the test sets.
 */
class ExpiryOverviewTest {

    @TempDir
    Path work;

    private final BundleContext context = FrameworkUtil.getBundle(ExpiryOverviewTest.class).getBundleContext();
    private OpensslServer https;
    private AgentProcess agent;
    private ServiceRegistration<ExpiryContributor> contribution;
    private HostCertificates host;
    private AgentFleet fleet;

    @AfterEach
    void stop() throws Exception {
        if (contribution != null) {
            contribution.unregister();
        }
        if (host != null) {
            Map<String, String> unset = new HashMap<>();
            for (String key : List.of("certificate.file", "key.file", "reload.command", "check.address")) {
                unset.put(key, "");
            }
            host.configure("https", unset);
        }
        if (fleet != null && fleet.list().stream().anyMatch(entry -> entry.name().equals("db01"))) {
            fleet.remove("db01");
        }
        if (agent != null) {
            agent.close();
        }
        if (https != null) {
            https.close();
        }
    }

    @Test
    void everyKindOnceThenItsStagedMessages() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // a CA with 60 days left, the host service's certificate with 20, a plug-in's with 10
        Path caFile = work.resolve("root.pem");
        Files.writeString(caFile, PkiFixtures.pem(PkiFixtures.certificate("CN=Overview Root").ca(true)
                .validity(now.minus(Duration.ofDays(400)), now.plus(Duration.ofDays(60))).build()));
        KeyPair hostKey = PkiFixtures.ec();
        byte[] hostDer = PkiFixtures.certificate("CN=www.overview.test").key(hostKey).dns("www.overview.test")
                .validity(now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(20))).build();
        Certificate hostCertificate = Certificate.fromDer(hostDer, "host");
        Certificate vault = Certificate.fromDer(PkiFixtures.certificate("CN=vault.overview.test")
                .validity(now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(10))).build(), "vault");
        https = OpensslServer.start(Files.createDirectories(work.resolve("https")), hostKey, hostDer, List.of());

        TrustStore trustStore = service(TrustStore.class);
        trustStore.importCertificate(caFile);
        host = service(HostCertificates.class);
        host.configure("https", Map.of("certificate.file", work.resolve("https/server.crt").toString(),
                "key.file", work.resolve("https/server.key").toString(), "reload.command", "true",
                "check.address", "127.0.0.1:" + https.port()));
        fleet = service(AgentFleet.class);
        Path consolePem = work.resolve("console.pem");
        fleet.exportConsoleCertificate(consolePem);
        agent = AgentProcess.start(work.resolve("agent-db01"));
        agent.authorize(consolePem);
        fleet.add("db01", "127.0.0.1", agent.port, null);
        Certificate agentCertificate = fleet.refresh(List.of("db01"), BatchMonitor.NONE).values().get(0).certificate();
        contribution = context.registerService(ExpiryContributor.class, new ExpiryContributor() {
            @Override
            public String kind() {
                return "vault";
            }

            @Override
            public List<ContributedCertificate> certificates() {
                return List.of(new ContributedCertificate("pki/issue/web", "web role", "vault pki mount", vault, null),
                        new ContributedCertificate("pki/issue/www", "www", "served by the https service too",
                                hostCertificate, null));
            }
        }, null);

        ExpiryList overview = service(ExpiryOverview.class).rows();

        assertEquals(List.of(), overview.problems());
        ExpiryRow vaultRow = only(overview, "vault", "pki/issue/web");
        ExpiryRow hostRow = only(overview, ExpiryKinds.HOST, "https");
        ExpiryRow agentRow = only(overview, ExpiryKinds.AGENT, "db01");
        ExpiryRow caRow = overview.rows().stream().filter(row -> row.name().equals("Overview Root")).findFirst()
                .orElseThrow();
        assertEquals(hostCertificate, hostRow.certificate());
        assertEquals(1, overview.rows().stream().filter(row -> row.certificate().equals(hostCertificate)).count(),
                "the contributed copy of the served certificate is the host row only");
        assertEquals(agentCertificate, agentRow.certificate());
        assertNotNull(agentRow.asOf(), "an agent's row is as of its last refresh");
        assertNull(hostRow.asOf());
        assertEquals("127.0.0.1:" + agent.port, agentRow.usedAt());
        assertEquals(Urgency.WITHIN_30_DAYS, vaultRow.urgency());
        assertEquals(Urgency.WITHIN_30_DAYS, hostRow.urgency());
        assertEquals(Urgency.FINE, caRow.urgency());
        assertEquals(9, vaultRow.daysLeft(), "10 days less the seconds since: 9 whole days");
        List<ExpiryRow> rows = overview.rows();
        assertTrue(rows.indexOf(vaultRow) < rows.indexOf(hostRow) && rows.indexOf(hostRow) < rows.indexOf(caRow),
                "fewest days left first: " + rows);
        // the metrics of the same rows, the agent as of the refresh just made (no connection for them)
        String metrics = service(CertificateMetrics.class).metrics().text();
        assertTrue(metrics.contains("\ncertbench_agent_trusted{name=\"db01\"} 1\n"), metrics);
        assertTrue(metrics.contains("\ncertbench_agent_reachable{name=\"db01\"} 1\n"), metrics);
        assertTrue(metrics.contains("\ncertbench_certificate_not_after_seconds{kind=\"agent\",name=\"db01\",id=\""
                + agentCertificate.sha256Fingerprint() + "\"} " + agentCertificate.notAfter().getEpochSecond() + "\n"),
                metrics);
        assertTrue(metrics.contains("\ncertbench_certificate_not_before_seconds{kind=\"host\",name=\""
                + hostRow.name() + "\",id=\"" + hostCertificate.sha256Fingerprint() + "\"} "
                + hostCertificate.notBefore().getEpochSecond() + "\n"), metrics);

        // agents refreshed elsewhere (the Agents view, agent:status): the overview's listeners hear of it, on the
        // refreshing thread (a check of the trust store told on the service's thread does not count)
        ExpiryOverview running = service(ExpiryOverview.class);
        Thread refreshing = Thread.currentThread();
        java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
        Runnable listener = () -> {
            if (Thread.currentThread() == refreshing) {
                told.incrementAndGet();
            }
        };
        running.addChangeListener(listener);
        try {
            fleet.list(); // reading the inventory is no refresh
            assertEquals(0, told.get());
            fleet.refresh(List.of("db01"), BatchMonitor.NONE);
            assertEquals(1, told.get(), "told once the refresh wrote what it saw");
        } finally {
            running.removeChangeListener(listener);
        }

        // the check with a clock the test sets: 5 days later, then past the agent's certificate
        RecordedMessages messages = new RecordedMessages();
        MutableClock clock = new MutableClock(now.plus(Duration.ofDays(5)));
        ExpiryService check = new ExpiryService(work.resolve("expiry"), null, trustStore, messages, () -> host,
                () -> fleet, clock);
        try {
            check.addContributor(service(ExpiryContributor.class));
            assertTrue(check.check().posted() >= 3);
            String texts = String.join("\n", messages.texts());
            assertTrue(texts.contains("The CA certificate 'Overview Root' (in the trust store, verifying outbound TLS) "
                    + "expires on "), texts);
            assertTrue(texts.contains("The certificate of the host service 'HTTPS"), texts);
            assertTrue(texts.contains("The vault certificate 'web role' (vault pki mount) expires on "), texts);
            assertEquals(0, check.check().posted(), "nothing twice");

            clock.set(agentCertificate.notAfter().plusSeconds(1));
            check.check();
            assertTrue(String.join("\n", messages.texts()).contains("The pinned self-signed certificate of 1 agent "
                    + "has expired or expires today: db01 (1 agent in all)."), String.join("\n", messages.texts()));
        } finally {
            check.stop();
        }

        // the host service down: the overview shows what it served when last seen, as of then, without a handshake
        https.close();
        https = null;
        ExpiryList later = service(ExpiryOverview.class).rows();
        assertEquals(List.of(), later.problems(), "no connection was tried");
        ExpiryRow lastSeen = only(later, ExpiryKinds.HOST, "https");
        assertEquals(hostCertificate, lastSeen.certificate());
        assertNotNull(lastSeen.asOf());
        // its certificate file changed (as host:generate or host:upload change it): read again, failing now
        Path served = work.resolve("https/server.crt");
        Files.setLastModifiedTime(served, java.nio.file.attribute.FileTime.from(now.minus(Duration.ofDays(1))));
        ExpiryList changed = service(ExpiryOverview.class).rows();
        assertTrue(changed.problems().stream().anyMatch(problem -> problem.startsWith(
                "The certificate served by host service HTTPS")), changed.problems().toString());
        assertEquals(lastSeen.asOf(), only(changed, ExpiryKinds.HOST, "https").asOf(), "still the last seen row");

        // the agent down at the next refresh: unreachable as of it, still trusted as last seen
        agent.close();
        agent = null;
        ExpiryService afterDown = new ExpiryService(work.resolve("expiry-down"), null, trustStore, messages,
                () -> host, () -> fleet, Clock.systemUTC());
        try {
            afterDown.check();
            String down = afterDown.metrics().text();
            assertTrue(down.contains("\ncertbench_agent_reachable{name=\"db01\"} 0\n"), down);
            assertTrue(down.contains("\ncertbench_agent_trusted{name=\"db01\"} 1\n"), down);
            assertTrue(down.contains("\ncertbench_agents_last_refresh_timestamp_seconds "), down);
        } finally {
            afterDown.stop();
        }
    }

    @Test
    void aReloadOfTheTrustStoreRunsTheCaCheckOfTheRunningService() throws Exception {
        TrustStore trustStore = service(TrustStore.class);
        SystemMessages messages = service(SystemMessages.class);
        byte[] expired = PkiFixtures.certificate("CN=Reloaded Expired Root").ca(true)
                .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z")).build();
        Path dropped = Path.of(System.getProperty("certbench.home"), "truststore", "reloaded-expired.der");
        Files.createDirectories(dropped.getParent());
        Files.write(dropped, expired);
        String id = Certificate.fromDer(expired, "dropped").sha256Fingerprint().replace(":", "").toLowerCase();
        ExpiryOverview overview = service(ExpiryOverview.class);
        try {
            reloadAndWaitForTheCheck(trustStore, overview); // ca:reload

            List<SystemMessage> posted = messages.list().stream()
                    .filter(message -> ("truststore.expired:" + id).equals(message.key())).toList();
            assertEquals(1, posted.size(), messages.list().toString());
            assertTrue(posted.get(0).text().startsWith("The CA certificate 'Reloaded Expired Root' (in the trust store, "
                    + "verifying outbound TLS) expired on 2021-01-01"), posted.get(0).text());
            Files.write(Path.of(System.getProperty("certbench.home"), "truststore", "reloaded-again.der"),
                    PkiFixtures.certificate("CN=Reloaded Again Root").ca(true).build());
            reloadAndWaitForTheCheck(trustStore, overview);
            assertEquals(1, messages.list().stream()
                    .filter(message -> ("truststore.expired:" + id).equals(message.key())).count(), "never repeated");
        } finally {
            Files.deleteIfExists(dropped);
            Files.deleteIfExists(Path.of(System.getProperty("certbench.home"), "truststore", "reloaded-again.der"));
            trustStore.reload();
        }
    }

    /**
     * A change of the trust store is noticed on the thread that reloads (in the workbench often the UI thread): the
     * CA check runs on the service's own thread and tells its listeners there.
     */
    private static void reloadAndWaitForTheCheck(TrustStore trustStore, ExpiryOverview overview) throws Exception {
        java.util.concurrent.CompletableFuture<Thread> told = new java.util.concurrent.CompletableFuture<>();
        Runnable listener = () -> told.complete(Thread.currentThread());
        overview.addChangeListener(listener);
        try {
            trustStore.reload();
            Thread checking = told.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals("CertBench expiry check", checking.getName(), "not the reloading thread");
        } finally {
            overview.removeChangeListener(listener);
        }
    }

    private static ExpiryRow only(ExpiryList overview, String kind, String id) {
        List<ExpiryRow> rows = overview.rows().stream().filter(row -> row.kind().equals(kind) && row.id().equals(id))
                .toList();
        assertEquals(1, rows.size(), kind + " " + id + " in " + overview.rows());
        return rows.get(0);
    }

    private <S> S service(Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        S service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        assertNotNull(service, type.getName());
        return service;
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
