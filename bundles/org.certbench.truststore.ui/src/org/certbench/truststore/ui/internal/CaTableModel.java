package org.certbench.truststore.ui.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.certbench.truststore.CaEntry;

/**
 * What the virtual table shows: all entries, filtered and sorted into an array the table reads by index, so
 * that 10,000 rows cost only the rows on screen.
 */
final class CaTableModel {

    private List<CaEntry> all = List.of();
    private String filter = ""; //$NON-NLS-1$
    private CaColumn sortColumn = CaColumn.COMMON_NAME;
    private boolean ascending = true;
    private CaEntry[] visible = new CaEntry[0];

    void setEntries(List<CaEntry> entries, Instant now) {
        all = entries;
        update(now);
    }

    void setFilter(String text, Instant now) {
        filter = text.strip().toLowerCase(Locale.ROOT).replace(":", ""); //$NON-NLS-1$ //$NON-NLS-2$
        update(now);
    }

    /** Sorts by {@code column}; the same column again reverses the order. */
    void sortBy(CaColumn column, Instant now) {
        ascending = column != sortColumn || !ascending;
        sortColumn = column;
        update(now);
    }

    CaColumn sortColumn() {
        return sortColumn;
    }

    boolean ascending() {
        return ascending;
    }

    int size() {
        return visible.length;
    }

    int total() {
        return all.size();
    }

    CaEntry get(int index) {
        return visible[index];
    }

    private void update(Instant now) {
        Comparator<CaEntry> order = sortColumn.order(now);
        visible = all.stream()
                .filter(this::matches)
                .sorted(ascending ? order : order.reversed())
                .toArray(CaEntry[]::new);
    }

    private boolean matches(CaEntry entry) {
        return filter.isEmpty() || entry.commonName().toLowerCase(Locale.ROOT).contains(filter)
                || entry.certificate().issuerCommonName().toLowerCase(Locale.ROOT).contains(filter)
                || entry.id().startsWith(filter);
    }
}
