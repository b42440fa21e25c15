package org.certbench.expiry.ui.internal;

import static org.certbench.expiry.ui.internal.Rows.NOW;
import static org.certbench.expiry.ui.internal.Rows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The timeline's counting: bars per week from now, expired on the left, later than a year apart. */
class WeeksTest {

    @Test
    void countsEachKindInTheWeekItExpires() {
        Weeks weeks = Weeks.of(List.of(row("agent", "a1", Duration.ofDays(1)), row("agent", "a2", Duration.ofDays(6)),
                row("ca", "root", Duration.ofDays(3)), row("host", "https", Duration.ofDays(8)),
                row("agent", "a3", Duration.ofDays(363))), NOW, KindNames.BUILT_IN);

        assertEquals(List.of("ca", "host", "agent"), weeks.kinds());
        assertEquals(1, weeks.count(0, 0));
        assertEquals(2, weeks.count(0, 2));
        assertEquals(1, weeks.count(1, 1));
        assertEquals(1, weeks.count(51, 2));
        assertEquals(3, weeks.total(0));
        assertEquals(3, weeks.highest());
        assertEquals(List.of(1, 1, 3), weeks.perKind());
        assertEquals(0, weeks.later());
    }

    @Test
    void expiredCertificatesHaveTheirOwnBarAndLaterOnesAreOnlyCounted() {
        Weeks weeks = Weeks.of(List.of(row("host", "old", Duration.ofDays(-40)), row("ca", "now", Duration.ZERO),
                row("agent", "far", Duration.ofDays(364)), row("agent", "farther", Duration.ofDays(3000))), NOW,
                KindNames.BUILT_IN);

        assertEquals(1, weeks.total(Weeks.EXPIRED), "expiring this very second is not yet expired");
        assertEquals(1, weeks.total(0));
        assertEquals(Weeks.EXPIRED, Weeks.barOf(row("ca", "gone", Duration.ofSeconds(-1))));
        assertEquals(2, weeks.later());
        assertEquals(List.of(1, 1, 0), weeks.perKind());
    }

    @Test
    void overlappingThresholdLabelsGoOnASecondRowNotAway() {
        int[] lastEnd = { Integer.MIN_VALUE, Integer.MIN_VALUE };
        assertEquals(0, Timeline.labelRow(10, lastEnd));
        lastEnd[0] = 40; // "1 d" drawn from 10 to 40
        assertEquals(1, Timeline.labelRow(20, lastEnd), "7 d, 10 pixels later: below");
        lastEnd[1] = 50;
        assertEquals(0, Timeline.labelRow(45, lastEnd), "the first row is free again");
        assertEquals(0, Timeline.labelRow(30, lastEnd), "both taken: the row that ends first");
    }

    @Test
    void theCountOfLaterOnesReadsInTheSingularForOne() {
        assertEquals("0 expire later than a year from now", Timeline.laterText(0));
        assertEquals("1 expires later than a year from now", Timeline.laterText(1));
        assertEquals("2 expire later than a year from now", Timeline.laterText(2));
    }

    @Test
    void pluginKindsFollowTheBuiltInOnesByName() {
        Weeks weeks = Weeks.of(List.of(row("zeta", "z", Duration.ofDays(2)), row("haproxy", "h", Duration.ofDays(2))),
                NOW, KindNames.BUILT_IN);

        assertEquals(List.of("ca", "host", "agent", "haproxy", "zeta"), weeks.kinds());
        assertEquals(1, weeks.count(0, 3));
    }

    @Test
    void weeksStartAtTheOverviewsNow() {
        assertEquals(NOW.plus(Duration.ofDays(14)), Weeks.weekStart(NOW, 2));
    }
}
