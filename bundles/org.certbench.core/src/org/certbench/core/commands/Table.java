package org.certbench.core.commands;

import java.util.List;
import java.util.Objects;

/**
 * What a listing command returns when its columns must be known without a row (the CSV header of an empty listing)
 * or when some of what it lists could not be read: the rows, the type that names the columns, and notices in words
 * that the shell shows beside the rows (on its error stream, so that {@code --json} and {@code --csv} output stays a
 * table), never as rows.
 *
 * @param <R>     the row type; its record components are the columns, in declaration order
 * @param rowType the row type; not {@code null}
 * @param rows    the rows; copied, unmodifiable
 * @param notices what the administrator should know about the listing (a source that could not be read); copied
 */
public record Table<R extends Record>(Class<R> rowType, List<R> rows, List<String> notices) {

    /** Copies the lists; none of the arguments may be {@code null}. */
    public Table {
        Objects.requireNonNull(rowType, "rowType"); //$NON-NLS-1$
        rows = List.copyOf(rows);
        notices = List.copyOf(notices);
    }
}
