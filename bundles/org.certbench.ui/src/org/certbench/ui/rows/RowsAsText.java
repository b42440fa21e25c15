package org.certbench.ui.rows;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * The selected rows of a table as text: a header line with the column titles, then one line per row, the cells
 * separated by tabs, so that a spreadsheet or a mail reads them as a table. Works on virtual tables (reading an item
 * makes the table fill it). Use on the UI thread.
 */
public final class RowsAsText {

    private RowsAsText() {
    }

    /** {@return the selected rows of {@code table} with a header line, or an empty string when none is selected} */
    public static String selected(Table table) {
        int[] indices = table.getSelectionIndices();
        if (indices.length == 0) {
            return ""; //$NON-NLS-1$
        }
        java.util.Arrays.sort(indices);
        int columns = table.getColumnCount();
        StringBuilder text = new StringBuilder();
        List<String> titles = new ArrayList<>();
        for (TableColumn column : table.getColumns()) {
            titles.add(column.getText());
        }
        line(text, titles);
        for (int index : indices) {
            TableItem item = table.getItem(index);
            List<String> cells = new ArrayList<>();
            for (int column = 0; column < Math.max(columns, 1); column++) {
                cells.add(item.getText(column));
            }
            line(text, cells);
        }
        return text.toString();
    }

    /**
     * Puts the selected rows of {@code table} on the system clipboard as text.
     *
     * @return how many rows were copied (0 leaves the clipboard as it was)
     */
    public static int copySelected(Table table) {
        String text = selected(table);
        if (text.isEmpty()) {
            return 0;
        }
        Clipboard clipboard = new Clipboard(table.getDisplay());
        try {
            clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
        return table.getSelectionCount();
    }

    // a tab or a line break inside a cell would split it: they become spaces
    private static void line(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append('\t');
            }
            text.append(cells.get(i).replace('\t', ' ').replace('\r', ' ').replace('\n', ' '));
        }
        text.append(System.lineSeparator());
    }
}
