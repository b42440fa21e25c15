package org.certbench.expiry.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certbench.expiry.ExpiryRow;
import org.certbench.expiry.Urgency;

/**
 * What the timeline draws: how many certificates of each kind expire in each of the coming 52 weeks (week 0
 * starts at the overview's "now"; a row's week follows from its whole days left), those already expired in a bar of their own ({@link #EXPIRED}), and how many expire later than that.
 * Kinds keep the order given (the built-in ones first), then plug-ins' kinds by name.
 */
final class Weeks {

    static final int COUNT = 52;
    /** The index of the bar of expired certificates, left of week 0. */
    static final int EXPIRED = -1;
    private static final long WEEK = Duration.ofDays(7).toSeconds();

    private final Instant start;
    private final List<String> kinds;
    /** [bar + 1][kind] */
    private final int[][] counts;
    private final int later;

    private Weeks(Instant start, List<String> kinds, int[][] counts, int later) {
        this.start = start;
        this.kinds = kinds;
        this.counts = counts;
        this.later = later;
    }

    /** The weeks from {@code now}, counting {@code rows}; {@code builtInKinds} come first in the legend. */
    static Weeks of(List<ExpiryRow> rows, Instant now, List<String> builtInKinds) {
        Map<String, Integer> kindIndex = new LinkedHashMap<>();
        builtInKinds.forEach(kind -> kindIndex.put(kind, kindIndex.size()));
        List<String> pluginKinds = rows.stream().map(ExpiryRow::kind).filter(kind -> !kindIndex.containsKey(kind))
                .distinct().sorted().toList();
        pluginKinds.forEach(kind -> kindIndex.put(kind, kindIndex.size()));
        int[][] counts = new int[COUNT + 1][kindIndex.size()];
        int later = 0;
        for (ExpiryRow row : rows) {
            int bar = barOf(row);
            if (bar >= COUNT) {
                later++;
            } else {
                counts[bar + 1][kindIndex.get(row.kind())]++;
            }
        }
        return new Weeks(now, List.copyOf(kindIndex.keySet()), counts, later);
    }

    /** The bar of a row: {@link #EXPIRED}, a week 0..51 from the overview's "now", or 52 and more for later. */
    static int barOf(ExpiryRow row) {
        return row.urgency() == Urgency.EXPIRED ? EXPIRED : (int) Math.min(Integer.MAX_VALUE, row.daysLeft() / 7);
    }

    List<String> kinds() {
        return kinds;
    }

    /** {@return how many of {@code kind} (an index into {@link #kinds()}) expire in that bar} */
    int count(int bar, int kind) {
        return counts[bar + 1][kind];
    }

    int total(int bar) {
        int total = 0;
        for (int count : counts[bar + 1]) {
            total += count;
        }
        return total;
    }

    /** The most certificates in one bar, at least 1 (the height of the scale). */
    int highest() {
        int highest = 1;
        for (int bar = EXPIRED; bar < COUNT; bar++) {
            highest = Math.max(highest, total(bar));
        }
        return highest;
    }

    /** How many of each kind there are in all bars (the legend's numbers). */
    List<Integer> perKind() {
        List<Integer> sums = new ArrayList<>();
        for (int kind = 0; kind < kinds.size(); kind++) {
            int sum = 0;
            for (int bar = EXPIRED; bar < COUNT; bar++) {
                sum += count(bar, kind);
            }
            sums.add(sum);
        }
        return sums;
    }

    int later() {
        return later;
    }

    Instant start() {
        return start;
    }

    /** The first instant of week {@code bar} (0..51). */
    Instant weekStart(int bar) {
        return weekStart(start, bar);
    }

    /** The first instant of week {@code bar} (0..51) of the weeks starting at {@code now}. */
    static Instant weekStart(Instant now, int bar) {
        return now.plusSeconds(bar * WEEK);
    }
}
