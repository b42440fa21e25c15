package org.certbench.renewal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.certbench.crypto.Certificate;
import org.certbench.expiry.ExpiryKinds;
import org.certbench.expiry.ExpiryRow;
import org.certbench.expiry.RenewalCoverage;
import org.certbench.issuers.IssueKind;
import org.certbench.renewal.DueRule;
import org.certbench.renewal.RenewalPolicy;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The expiry check asks renewal whether it looks after a certificate: a host or agent certificate a scheduled policy
 * renews gets no warning while renewal goes well, and gets them again once an attempt failed or it has been due a
 * day; CA certificates and plug-ins' kinds are never covered.
 */
class ExpiryCoverageTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = START.plus(Duration.ofDays(90));
    /** The default rule: due with 30 days left. */
    private static final Instant DUE = END.minus(Duration.ofDays(30));

    @TempDir
    Path home;

    @Test
    void aHostCertificateRenewalLooksAfterWarnsOnlyOnceItsRenewalFailedOrStayedDueADay() throws Exception {
        StoredRenewalPolicies policies = new StoredRenewalPolicies(RenewalHome.in(home.resolve("renewal")),
                Clock.fixed(START, ZoneOffset.UTC));
        ExpiryCoverage coverage = new ExpiryCoverage(() -> policies);
        ExpiryRow https = row(ExpiryKinds.HOST, "https");

        assertFalse(coverage.covers(https, DUE), "no policy: every warning");
        policies.setPolicy(new RenewalPolicy(IssueKind.HOST, Optional.of("local"), DueRule.DEFAULT, false));
        // 30 days left crosses the 30-day threshold: renewal renews it from now, so no warning yet
        assertTrue(coverage.covers(https, DUE));
        assertTrue(coverage.covers(https, DUE.plus(Duration.ofHours(23))));
        assertFalse(coverage.covers(https, DUE.plus(Duration.ofHours(24))), "due a day without being renewed");
        assertFalse(coverage.covers(row(ExpiryKinds.CA, "https"), DUE), "renewal does not renew CA certificates");
        assertFalse(coverage.covers(row("haproxy", "https"), DUE), "nor a plug-in's");
        assertFalse(coverage.covers(row(ExpiryKinds.AGENT, "db01"), DUE), "agents have no policy here");

        policies.home().attempts().failed(IssueKind.HOST, "https", "UNAVAILABLE", "the CA is down",
                java.util.Optional.empty(), DUE, Backoff.DEFAULT, before -> "");
        assertFalse(coverage.covers(https, DUE), "its renewal failed: the warnings speak again");
        policies.home().attempts().succeeded(IssueKind.HOST, "https");
        assertTrue(coverage.covers(https, DUE));
    }

    @Test
    void anAdoptedAgentsCertificateIsCoveredByTheAgentPolicy() throws Exception {
        StoredRenewalPolicies policies = new StoredRenewalPolicies(RenewalHome.in(home.resolve("renewal")),
                Clock.fixed(START, ZoneOffset.UTC));
        ExpiryCoverage coverage = new ExpiryCoverage(() -> policies);
        policies.setPolicy(new RenewalPolicy(IssueKind.AGENT, Optional.of("local"), DueRule.DEFAULT, false));
        assertFalse(coverage.covers(row(ExpiryKinds.AGENT, "db01"), DUE), "not this console's, not adopted");
        policies.adopt(List.of("db01"));
        assertTrue(coverage.covers(row(ExpiryKinds.AGENT, "db01"), DUE));
    }

    @Test
    void theExpiryServiceFindsTheCoverageOfTheRenewalBundle() throws Exception {
        ServiceTracker<RenewalCoverage, RenewalCoverage> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(ExpiryCoverageTest.class).getBundleContext(), RenewalCoverage.class, null);
        tracker.open();
        try {
            RenewalCoverage registered = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
            assertNotNull(registered);
            assertEquals(ExpiryCoverage.class, registered.getClass());
        } finally {
            tracker.close();
        }
    }

    private static ExpiryRow row(String kind, String id) throws Exception {
        Certificate certificate = Certificate.fromDer(PkiFixtures.certificate("CN=" + id).validity(START, END).build(),
                id);
        return ExpiryRow.of(kind, id, id, id, certificate, null, DUE);
    }
}
