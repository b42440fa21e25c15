package org.certbench.renewal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.MessageFormat;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Spans and counts in renewal's words read as English for none, one and many: "1 hour", "3 days", "1 agent". */
class SpanWordsTest {

    @Test
    void spansAreHoursUnderTwoDaysThenDays() {
        assertEquals("0 hours", StoredRenewalPolicies.hours(Duration.ofMinutes(59)));
        assertEquals("1 hour", StoredRenewalPolicies.hours(Duration.ofMinutes(119)));
        assertEquals("47 hours", StoredRenewalPolicies.hours(Duration.ofHours(47)));
        assertEquals("2 days", StoredRenewalPolicies.hours(Duration.ofHours(48)));
        assertEquals("1200 days", StoredRenewalPolicies.hours(Duration.ofDays(1200)));
    }

    @Test
    void failedAttemptsAndFailedAgentsAreCounted() {
        assertEquals("waiting after 1 failed attempt, next not before tomorrow",
                MessageFormat.format(Messages.Run_waiting, 1, "tomorrow"));
        assertEquals("waiting after 2 failed attempts, next not before tomorrow",
                MessageFormat.format(Messages.Run_waiting, 2, "tomorrow"));
        assertEquals("agent:renew failed for 0 of 0 agents:", MessageFormat.format(CommandMessages.Renew_failed, 0, 0));
        assertEquals("agent:renew failed for 1 of 1 agent:", MessageFormat.format(CommandMessages.Renew_failed, 1, 1));
        assertEquals("host:renew failed for 1 of 2 targets:",
                MessageFormat.format(CommandMessages.HostRenew_failed, 1, 2));
    }
}
