package org.certbench.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

import org.certbench.core.WidgetIds;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/**
 * A virtual table whose rows are read by index from the caller's model (already filtered and sorted), so only
 * the rows on screen cost anything. Columns sort through the model: a click asks it to sort and shows the
 * direction it reports.
 *
 * @param <T> the row type
 */
public final class VirtualTable<T> {

    private final TableViewer viewer;
    private final IntFunction<T> row;
    private final IntSupplier size;

    /**
     * A virtual table under {@code parent} with this widget id, drawing row {@code i} from {@code row} lazily; {@code
     * size} tells how many rows there are now. Call on the UI thread.
     */
    public VirtualTable(Composite parent, String id, IntFunction<T> row, IntSupplier size) {
        this.row = row;
        this.size = size;
        viewer = new TableViewer(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        Table table = viewer.getTable();
        table.setData(WidgetIds.KEY, id);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        viewer.setUseHashlookup(true);
        viewer.setContentProvider(new ILazyContentProvider() {
            @Override
            public void updateElement(int index) {
                if (index < size.getAsInt()) {
                    viewer.replace(row.apply(index), index);
                }
            }

            @Override
            public void inputChanged(Viewer changed, Object oldInput, Object newInput) {
                // rows are read by index from the model
            }
        });
    }

    /**
     * Adds a column.
     *
     * @param sortBy sorts the model by this column and answers whether ascending
     * @param color  the text colour of a cell ({@code SWT.COLOR_*}), or {@code SWT.NONE} for the default
     */
    public void column(String title, int width, Function<T, String> text, Function<T, Integer> color,
            BooleanSupplier sortBy) {
        Display display = viewer.getTable().getDisplay();
        column(title, width, text, row -> null, row -> {
            int id = color.apply(row);
            return id == SWT.NONE ? null : display.getSystemColor(id);
        }, sortBy);
    }

    /**
     * Adds a column whose cells may show an image before the text and a colour of the caller's own, e.g. colours
     * chosen to read on the theme's background; the caller owns and disposes both.
     *
     * @param image      the image of a cell, or {@code null} for none
     * @param foreground the text colour of a cell, or {@code null} for the default
     * @param sortBy     sorts the model by this column and answers whether ascending
     * @since 1.1
     */
    public void column(String title, int width, Function<T, String> text, Function<T, Image> image,
            Function<T, Color> foreground, BooleanSupplier sortBy) {
        TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.LEFT);
        TableColumn column = viewerColumn.getColumn();
        column.setText(title);
        column.setWidth(width);
        Table table = viewer.getTable();
        column.addListener(SWT.Selection, event -> {
            boolean ascending = sortBy.getAsBoolean();
            table.setSortColumn(column);
            table.setSortDirection(ascending ? SWT.UP : SWT.DOWN);
            showRows();
        });
        viewerColumn.setLabelProvider(new ColumnLabelProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public String getText(Object element) {
                return text.apply((T) element);
            }

            @Override
            @SuppressWarnings("unchecked")
            public Image getImage(Object element) {
                return image.apply((T) element);
            }

            @Override
            @SuppressWarnings("unchecked")
            public Color getForeground(Object element) {
                return foreground.apply((T) element);
            }
        });
    }

    /** After the model changed: every row is read again, lazily. */
    public void showRows() {
        if (viewer.getInput() == null) {
            viewer.setInput(this);
        }
        Table table = viewer.getTable();
        table.clearAll();
        viewer.setItemCount(size.getAsInt());
    }

    /** The selected rows, read from the model by index. */
    public List<T> selection() {
        List<T> rows = new ArrayList<>();
        for (int index : viewer.getTable().getSelectionIndices()) {
            if (index < size.getAsInt()) {
                rows.add(row.apply(index));
            }
        }
        return rows;
    }

    /** {@return the SWT table, for layout and columns; use it on the UI thread only} */
    public Table table() {
        return viewer.getTable();
    }
}
