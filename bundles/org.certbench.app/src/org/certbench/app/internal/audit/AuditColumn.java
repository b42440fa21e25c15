package org.certbench.app.internal.audit;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

import org.certbench.app.internal.Messages;

/** The columns of the Audit view: title, width, text and sort order. */
enum AuditColumn {

    TIME(Messages.Audit_time, 140, AuditLine::timeText),
    WHO(Messages.Audit_who, 80, AuditLine::who),
    ACTION(Messages.Audit_action, 120, AuditLine::action),
    OBJECT(Messages.Audit_object, 200, line -> CellText.cut(line.object(), CellText.OBJECT)),
    BEFORE(Messages.Audit_before, 155, line -> line.entry() == null ? "" : CellText.value(line.entry().before())), //$NON-NLS-1$
    AFTER(Messages.Audit_after, 155, line -> line.entry() == null ? "" : CellText.value(line.entry().after())), //$NON-NLS-1$
    /** The last column: it also gets what the others leave of the table's width. */
    RESULT(Messages.Audit_result, 260, AuditLine::result);

    final String title;
    final int width;
    private final Function<AuditLine, String> text;

    AuditColumn(String title, int width, Function<AuditLine, String> text) {
        this.title = title;
        this.width = width;
        this.text = text;
    }

    String text(AuditLine line) {
        return text.apply(line);
    }

    /**
     * Time sorts as time, a damaged line (no time) after every entry, so that newest first shows it on top; the rest
     * as text ignoring case, then by time.
     */
    Comparator<AuditLine> order() {
        Comparator<AuditLine> byTime = Comparator.comparing(AuditLine::time,
                Comparator.nullsLast(Comparator.naturalOrder()));
        if (this == TIME) {
            return byTime.thenComparing(line -> line.damage() == null ? "" : line.damage()); //$NON-NLS-1$
        }
        return Comparator.<AuditLine, String>comparing(line -> text(line).toLowerCase(Locale.ROOT)).thenComparing(byTime);
    }
}
