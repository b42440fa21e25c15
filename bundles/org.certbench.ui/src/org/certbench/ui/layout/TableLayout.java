package org.certbench.ui.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/**
 * Keeps a table's column widths and sort between runs, under a stable id of the table, in a {@link LayoutMemory}.
 * A view calls {@link #remember} once its columns exist; what was kept is applied then, and every later change is
 * kept. The sort is applied as the administrator made it, by selecting the column's header (once, or twice for the
 * other direction), so the view sorts its rows its own way. Kept values that do not fit the table (another number
 * of columns, a width out of bounds, a column that is gone, text that is no number) are ignored.
 */
public final class TableLayout {

    /** Narrower than this a column cannot be read or grabbed again; wider is no screen. */
    static final int MIN_WIDTH = 8;
    static final int MAX_WIDTH = 4000;
    private static final String UP = "up"; //$NON-NLS-1$
    private static final String DOWN = "down"; //$NON-NLS-1$

    private final Table table;
    private final LayoutMemory memory;
    private final String widthsKey;
    private final String sortKey;

    private TableLayout(Table table, String id, LayoutMemory memory) {
        this.table = table;
        this.memory = memory;
        widthsKey = "table." + id + ".widths"; //$NON-NLS-1$ //$NON-NLS-2$
        sortKey = "table." + id + ".sort"; //$NON-NLS-1$ //$NON-NLS-2$
    }

    /**
     * Applies the widths and sort kept for the table {@code id} in the workbench's memory, then keeps its changes.
     * Call on the UI thread once the table's columns exist.
     *
     * @param table the table
     * @param id    a stable id of the table, unique in the workbench (e.g. its widget id)
     */
    public static void remember(Table table, String id) {
        remember(table, id, LayoutMemory.shared());
    }

    /**
     * As {@link #remember(Table, String)}, with the memory {@code memory}.
     *
     * @param table  the table
     * @param id     a stable id of the table
     * @param memory where the layout is kept
     */
    public static void remember(Table table, String id, LayoutMemory memory) {
        TableLayout layout = new TableLayout(table, id, memory);
        layout.applyWidths();
        layout.applySort();
        layout.keepChanges();
    }

    private void applyWidths() {
        TableColumn[] columns = table.getColumns();
        Optional<List<Integer>> widths = memory.get(widthsKey).map(TableLayout::numbers);
        if (widths.isEmpty() || widths.get().size() != columns.length) {
            return;
        }
        for (int i = 0; i < columns.length; i++) {
            int width = widths.get().get(i);
            if (width >= MIN_WIDTH && width <= MAX_WIDTH) {
                columns[i].setWidth(width);
            }
        }
    }

    private void applySort() {
        String[] kept = memory.get(sortKey).orElse("").split(",", -1); //$NON-NLS-1$ //$NON-NLS-2$
        List<Integer> index = kept.length == 2 ? numbers(kept[0]) : List.of();
        if (index.size() != 1 || index.get(0) < 0 || index.get(0) >= table.getColumnCount()
                || !(UP.equals(kept[1]) || DOWN.equals(kept[1]))) {
            return;
        }
        TableColumn column = table.getColumn(index.get(0));
        int direction = UP.equals(kept[1]) ? SWT.UP : SWT.DOWN;
        // a header sorts the first time in its own direction, the second time the other way
        for (int click = 0; click < 2 && !sortedBy(column, direction); click++) {
            column.notifyListeners(SWT.Selection, new Event());
            if (table.getSortColumn() != column) {
                return; // a column the view does not sort by
            }
        }
    }

    private boolean sortedBy(TableColumn column, int direction) {
        return table.getSortColumn() == column && table.getSortDirection() == direction;
    }

    private void keepChanges() {
        for (TableColumn column : table.getColumns()) {
            column.addListener(SWT.Resize, event -> keepWidths());
            // added after the view's own listener, so the view has sorted and shown the direction
            column.addListener(SWT.Selection, event -> keepSort());
        }
    }

    private void keepWidths() {
        if (table.isDisposed()) {
            return;
        }
        List<String> widths = new ArrayList<>();
        for (TableColumn column : table.getColumns()) {
            widths.add(Integer.toString(column.getWidth()));
        }
        memory.put(widthsKey, String.join(",", widths)); //$NON-NLS-1$
    }

    private void keepSort() {
        TableColumn column = table.getSortColumn();
        int direction = table.getSortDirection();
        if (column != null && (direction == SWT.UP || direction == SWT.DOWN)) {
            memory.put(sortKey, table.indexOf(column) + "," + (direction == SWT.UP ? UP : DOWN)); //$NON-NLS-1$
        }
    }

    /** The comma-separated whole numbers of {@code text}; empty if any part is no number. */
    private static List<Integer> numbers(String text) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : text.split(",", -1)) { //$NON-NLS-1$
            try {
                numbers.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        return numbers;
    }
}
