package org.certbench.expiry.ui.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;

import org.certbench.expiry.ExpiryRow;
import org.certbench.expiry.Urgency;

/** The columns of the Expiry table: title, width, the text of a cell and the order. Days left is the first order. */
enum ExpiryColumn {

    KIND(Messages.Column_kind, 80), NAME(Messages.Column_name, 180), SUBJECT(Messages.Column_subject, 220),
    ISSUER(Messages.Column_issuer, 200), EXPIRES_ON(Messages.Column_expiresOn, 95),
    DAYS_LEFT(Messages.Column_daysLeft, 75), STATUS(Messages.Column_status, 160), AS_OF(Messages.Column_asOf, 125),
    USED_AT(Messages.Column_usedAt, 220);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT) //$NON-NLS-1$
            .withZone(ZoneOffset.UTC);
    private static final Comparator<ExpiryLine> BY_EXPIRY = Comparator
            .comparing((ExpiryLine line) -> line.row().notAfter());
    private static final Comparator<ExpiryLine> TIES = BY_EXPIRY
            .thenComparing(line -> line.row().name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(line -> line.row().kind()).thenComparing(line -> line.row().id());

    final String title;
    final int width;

    ExpiryColumn(String title, int width) {
        this.title = title;
        this.width = width;
    }

    String text(ExpiryRow row) {
        return switch (this) {
        case KIND -> KindNames.of(row.kind());
        case NAME -> row.name();
        case SUBJECT -> row.subject();
        case ISSUER -> row.issuer();
        case EXPIRES_ON -> DAY.format(row.notAfter());
        case DAYS_LEFT -> Long.toString(row.daysLeft());
        case STATUS -> words(row.urgency());
        case AS_OF -> row.asOf() == null ? "" : MINUTE.format(row.asOf()); //$NON-NLS-1$
        case USED_AT -> row.usedAt();
        };
    }

    static String words(Urgency urgency) {
        return switch (urgency) {
        case EXPIRED -> Messages.Urgency_expired;
        case WITHIN_7_DAYS -> Messages.Urgency_week;
        case WITHIN_30_DAYS -> Messages.Urgency_month;
        case FINE -> Messages.Urgency_fine;
        };
    }

    /** Ties are broken by the expiry, the name, the kind and the id: the order never depends on the list read. */
    Comparator<ExpiryLine> order() {
        Comparator<ExpiryLine> first = switch (this) {
        case EXPIRES_ON -> BY_EXPIRY;
        case DAYS_LEFT -> Comparator.comparingLong(line -> line.row().daysLeft());
        case AS_OF -> Comparator.comparing(line -> line.row().asOf(),
                Comparator.nullsFirst(Comparator.naturalOrder()));
        default -> Comparator.comparing(line -> line.cell(this), String.CASE_INSENSITIVE_ORDER);
        };
        return first.thenComparing(TIES);
    }

    /** Whether any cell, or where the certificate is used, contains the filter (already in lower case). */
    static boolean matches(ExpiryLine line, String filter) {
        return line.search().contains(filter);
    }
}
