package org.certbench.expiry.ui.internal;

import java.util.List;
import java.util.Locale;

import org.certbench.expiry.ExpiryRow;

/**
 * A row of the overview with the texts of its cells, made once when the overview is read (in the Job): a
 * certificate's subject and issuer are formatted on each call, and filtering or sorting 10,000 rows would format
 * them again on every key stroke.
 *
 * @param cells  the text of each {@link ExpiryColumn}, by ordinal
 * @param search every cell and where it is used, in lower case, for the filter
 */
record ExpiryLine(ExpiryRow row, List<String> cells, String search) {

    static ExpiryLine of(ExpiryRow row) {
        List<String> cells = java.util.Arrays.stream(ExpiryColumn.values()).map(column -> column.text(row)).toList();
        return new ExpiryLine(row, cells, String.join("\n", cells).toLowerCase(Locale.ROOT)); //$NON-NLS-1$
    }

    String cell(ExpiryColumn column) {
        return cells.get(column.ordinal());
    }
}
