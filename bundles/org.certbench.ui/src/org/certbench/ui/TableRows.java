package org.certbench.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The rows a {@link VirtualTable} shows: all of them, narrowed by a filter text and sorted by a column (the same
 * column again reverses the order), kept in a list the table reads by index, so that 10,000 rows cost only the
 * ones on screen. Used on the UI thread.
 *
 * @param <T> a row
 * @param <C> a column, which knows how to order rows
 */
public final class TableRows<T, C> {

    private final Function<C, Comparator<T>> order;
    private final BiPredicate<T, String> matches;
    private List<T> all = List.of();
    private String filter = ""; //$NON-NLS-1$
    private C sortColumn;
    private boolean ascending = true;
    private List<T> visible = List.of();

    /**
     * No rows at first, sorted by {@code sortColumn} ascending, with an empty filter.
     * @param sortColumn the column sorted by at first, ascending
     * @param order      the order of a column
     * @param matches    whether a row matches the filter text, given stripped and in lower case, never empty
     */
    public TableRows(C sortColumn, Function<C, Comparator<T>> order, BiPredicate<T, String> matches) {
        this.sortColumn = sortColumn;
        this.order = order;
        this.matches = matches;
    }

    /** Replaces all rows (copied), keeping sort and filter. Call on the UI thread. */
    public void setAll(List<T> rows) {
        all = List.copyOf(rows);
        update();
    }

    /**
     * Shows only rows matching the text (stripped, compared in lower case); an empty text shows all. Call on the UI
     * thread.
     */
    public void setFilter(String text) {
        filter = text.strip().toLowerCase(Locale.ROOT);
        update();
    }

    /** Sorts by {@code column}; the same column again reverses the order. */
    public void sortBy(C column) {
        ascending = !column.equals(sortColumn) || !ascending;
        sortColumn = column;
        update();
    }

    /** Sorts and filters again, e.g. when an order depends on the time. */
    public void update() {
        Comparator<T> sorted = order.apply(sortColumn);
        visible = all.stream().filter(row -> filter.isEmpty() || matches.test(row, filter))
                .sorted(ascending ? sorted : sorted.reversed()).toList();
    }

    /** {@return the column sorted by} */
    public C sortColumn() {
        return sortColumn;
    }

    /** {@return whether the sort is ascending} */
    public boolean ascending() {
        return ascending;
    }

    /** The number of rows shown. */
    public int size() {
        return visible.size();
    }

    /** The number of rows before filtering. */
    public int total() {
        return all.size();
    }

    /**
     * {@return the visible row at this index, in sorted and filtered order}
     * @throws IndexOutOfBoundsException when there is no such row
     */
    public T get(int index) {
        return visible.get(index);
    }
}
