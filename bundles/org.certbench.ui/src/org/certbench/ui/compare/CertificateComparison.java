package org.certbench.ui.compare;

import java.util.Map;
import java.util.Objects;

import org.certbench.core.WidgetIds;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.SummaryField;
import org.certbench.ui.internal.compare.CompareMessages;
import org.certbench.ui.status.StatusLook;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Two certificates side by side: a line that counts the differing fields, then a table of every field of their
 * summaries (the crypto core's, so nothing is parsed here), one column per certificate. A differing field is marked
 * three ways, so that no reader depends on colour alone: the word "differs" with an exclamation-mark icon in the first
 * column, and both values in bold in the amber of {@link StatusLook} (chosen for the table's light or dark
 * background, at least 4.5:1 against either). A value wider than its column (a fingerprint) is whole in the cell's
 * tooltip. Use on the UI thread.
 */
public final class CertificateComparison {

    /** Two value columns of this width beside the marker and the field fit a 1,280-pixel screen. */
    private static final int MAX_VALUE_WIDTH = 470;

    private final Label summary;
    private final Table table;
    private final StatusLook look;
    private final Font bold;

    /**
     * Creates the line and the table in {@code parent} (laid out by a {@code GridLayout}, filling it).
     *
     * @param parent    the composite they go in
     * @param tableId   the widget id ({@link WidgetIds#KEY}) of the table
     * @param summaryId the widget id of the line counting the differences
     */
    public CertificateComparison(Composite parent, String tableId, String summaryId) {
        summary = new Label(parent, SWT.WRAP);
        summary.setData(WidgetIds.KEY, summaryId);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.setData(WidgetIds.KEY, tableId);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        look = new StatusLook(table);
        table.addListener(SWT.MouseHover, event -> table.setToolTipText(cellText(event.x, event.y)));
        bold = JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
    }

    /** {@return the table: field, marker and the two values} */
    public Table table() {
        return table;
    }

    /**
     * Shows {@code left} and {@code right} side by side, replacing what was shown.
     *
     * @param leftTitle  the left column's title (e.g. "Pinned")
     * @param left       the left certificate
     * @param rightTitle the right column's title
     * @param right      the right certificate
     * @return the number of fields that differ
     */
    public int show(String leftTitle, Certificate left, String rightTitle, Certificate right) {
        table.removeAll();
        for (TableColumn column : table.getColumns()) {
            column.dispose();
        }
        column(CompareMessages.Column_difference);
        column(CompareMessages.Column_field);
        column(leftTitle);
        column(rightTitle);
        Map<SummaryField, String> leftFields = left.summary().fields();
        Map<SummaryField, String> rightFields = right.summary().fields();
        Color amber = look.color(StatusLook.Mark.EXPIRING_SOON);
        int differing = 0;
        for (SummaryField field : SummaryField.values()) {
            String leftText = Objects.toString(leftFields.get(field), ""); //$NON-NLS-1$
            String rightText = Objects.toString(rightFields.get(field), ""); //$NON-NLS-1$
            boolean differs = !leftText.equals(rightText);
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { differs ? CompareMessages.Marker_differs : "", field.label(), leftText, //$NON-NLS-1$
                    rightText });
            if (differs) {
                differing++;
                item.setImage(0, look.image(StatusLook.Mark.EXPIRING_SOON));
                for (int column = 0; column < 4; column++) {
                    if (column != 1) {
                        item.setForeground(column, amber);
                        item.setFont(column, bold);
                    }
                }
            }
        }
        // as wide as their longest value, but the two certificates' columns no wider than keeps both in sight: a
        // longer value (the fingerprints) is whole in the cell's tooltip
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
        for (int column = 2; column < 4; column++) {
            TableColumn each = table.getColumn(column);
            each.setWidth(Math.min(each.getWidth(), MAX_VALUE_WIDTH));
        }
        int fields = SummaryField.values().length;
        summary.setText(differing == 0 ? CompareMessages.Summary_none
                : differing == 1 ? NLS.bind(CompareMessages.Summary_one, fields)
                        : NLS.bind(CompareMessages.Summary_several, differing, fields));
        return differing;
    }

    /** The text of the cell at a point when it is wider than its column, else {@code null} (no tooltip). */
    private String cellText(int x, int y) {
        TableItem item = table.getItem(new Point(x, y));
        if (item == null) {
            return null;
        }
        for (int column = 0; column < table.getColumnCount(); column++) {
            if (item.getBounds(column).contains(x, y)) {
                String text = item.getText(column);
                GC gc = new GC(table);
                try {
                    gc.setFont(item.getFont(column));
                    return gc.textExtent(text).x + 8 > table.getColumn(column).getWidth() ? text : null;
                } finally {
                    gc.dispose();
                }
            }
        }
        return null;
    }

    private void column(String title) {
        new TableColumn(table, SWT.LEFT).setText(title);
    }
}
