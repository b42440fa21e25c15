package org.certbench.ui.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Ctrl+C in a view: the selected rows as text on the clipboard, unless the keyboard focus is in a text field (the
 * filter), where Ctrl+C copies that field's selected text as everywhere else. The one place a view's Copy handler
 * writes the clipboard; {@link #selectedRows(Table)} gives the rows of a plain table as text. Use on the UI thread.
 */
public final class CopyText {

    private CopyText() {
    }

    /** Copies {@code rows} (or the focused text field's selection) to the clipboard; on the UI thread. */
    public static void copy(Display display, String rows) {
        if (display.getFocusControl() instanceof Text text && !text.getSelectionText().isEmpty()) {
            text.copy();
            return;
        }
        if (rows.isEmpty()) {
            return;
        }
        Clipboard clipboard = new Clipboard(display);
        try {
            clipboard.setContents(new Object[] { rows }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }

    /**
     * The selected rows of a table as text: a header line with the column titles, then one line per row, the cells
     * separated by tabs, so that a spreadsheet or a mail reads them as a table. Works on virtual tables (reading an
     * item makes the table fill it).
     *
     * @return the selected rows of {@code table} with a header line, or an empty string when none is selected
     */
    public static String selectedRows(Table table) {
        int[] indices = table.getSelectionIndices();
        if (indices.length == 0) {
            return ""; //$NON-NLS-1$
        }
        Arrays.sort(indices);
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
