package org.certbench.expiry.ui.internal;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.certbench.expiry.ExpiryList;
import org.certbench.expiry.ExpiryOverview;
import org.certbench.expiry.ExpiryRow;

/**
 * The overview as read in the Job, ready for the UI thread: the rows with their cell texts, the weeks of the
 * timeline and every kind's thresholds (marked once each).
 *
 * @param now the overview's "now": days left and weeks count from it
 */
record Snapshot(Instant now, List<ExpiryRow> rows, List<ExpiryLine> lines, Weeks weeks, SortedSet<Integer> thresholds,
        List<String> problems) {

    /** Blocks while the service reads (host services are asked what they serve): call it from a Job. */
    static Snapshot read(ExpiryOverview overview) {
        ExpiryList list = overview.rows();
        List<ExpiryLine> lines = list.rows().stream().map(ExpiryLine::of).toList();
        Weeks weeks = Weeks.of(list.rows(), list.now(), KindNames.BUILT_IN);
        SortedSet<Integer> thresholds = new TreeSet<>();
        for (String kind : weeks.kinds()) {
            thresholds.addAll(overview.thresholds(kind));
        }
        return new Snapshot(list.now(), list.rows(), lines, weeks, thresholds, list.problems());
    }
}
