package org.certbench.renewal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.certbench.crypto.Certificate;
import org.certbench.renewal.Due;
import org.certbench.renewal.DueRule;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;

class DueRuleTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aNinetyDayCertificateIsDueWithThirtyDaysLeft() {
        Instant end = START.plus(Duration.ofDays(90));
        assertEquals(end.minus(Duration.ofDays(30)), DueRule.DEFAULT.dueAt(START, end));
        assertFalse(DueRule.DEFAULT.isDue(START, end, end.minus(Duration.ofDays(30)).minusSeconds(1)));
        assertTrue(DueRule.DEFAULT.isDue(START, end, end.minus(Duration.ofDays(30))));
    }

    @Test
    void aTwoYearCertificateIsDueThirtyDaysBeforeItExpiresNotEightMonths() {
        Instant end = START.plus(Duration.ofDays(730));
        assertEquals(end.minus(Duration.ofDays(30)), DueRule.DEFAULT.dueAt(START, end));
    }

    @Test
    void aOneDayCertificateIsDueWithEightHoursLeft() {
        Instant end = START.plus(Duration.ofDays(1));
        assertEquals(end.minus(Duration.ofHours(8)), DueRule.DEFAULT.dueAt(START, end));
    }

    @Test
    void anExpiredCertificateIsDue() {
        Instant end = START.plus(Duration.ofDays(10));
        assertTrue(DueRule.DEFAULT.isDue(START, end, end.plusSeconds(1)));
    }

    @Test
    void aConfiguredRuleApplies() {
        DueRule half = new DueRule(2, Duration.ofDays(60));
        Instant end = START.plus(Duration.ofDays(90));
        assertEquals(end.minus(Duration.ofDays(45)), half.dueAt(START, end));
    }

    @Test
    void nonsenseRulesAreRefused() {
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> new DueRule(0, Duration.ofDays(1)));
        assertTrue(fraction.getMessage().contains("fraction must be at least 1"), fraction.getMessage());
        IllegalArgumentException span = assertThrows(IllegalArgumentException.class,
                () -> new DueRule(3, Duration.ZERO));
        assertTrue(span.getMessage().contains("atMost must be positive"), span.getMessage());
    }

    @Test
    void theReasonSaysWhenAndWhy() throws Exception {
        Instant end = START.plus(Duration.ofDays(90));
        Certificate certificate = Certificate.fromDer(PkiFixtures.certificate("CN=agent-1")
                .validity(START, end).build(), "agent-1");
        Due notYet = StoredRenewalPolicies.due(DueRule.DEFAULT, certificate, START.plus(Duration.ofDays(10)));
        assertFalse(notYet.due());
        assertEquals("not due: expires 2026-04-01 00:00 UTC (80 days left), due from 2026-03-02 00:00 UTC "
                + "(due with 1/3 of its lifetime or 30 days left, whichever is less)", notYet.reason());
        Due due = StoredRenewalPolicies.due(DueRule.DEFAULT, certificate, end.minus(Duration.ofHours(30)));
        assertTrue(due.due());
        assertEquals("due: expires 2026-04-01 00:00 UTC (30 hours left), due since 2026-03-02 00:00 UTC "
                + "(due with 1/3 of its lifetime or 30 days left, whichever is less)", due.reason());
        Due expired = StoredRenewalPolicies.due(DueRule.DEFAULT, certificate, end.plusSeconds(60));
        assertTrue(expired.reason().startsWith("due: expired 2026-04-01 00:00 UTC"), expired.reason());
    }

    @Test
    void backoffDoublesUpToADay() {
        assertEquals(Duration.ofHours(1), Backoff.DEFAULT.after(1));
        assertEquals(Duration.ofHours(2), Backoff.DEFAULT.after(2));
        assertEquals(Duration.ofHours(16), Backoff.DEFAULT.after(5));
        assertEquals(Duration.ofDays(1), Backoff.DEFAULT.after(6));
        assertEquals(Duration.ofDays(1), Backoff.DEFAULT.after(1000));
    }
}
