package org.certbench.expiry.ui.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.certbench.core.CsvWriter;
import org.certbench.expiry.ExpiryRow;

/**
 * The overview as {@code expiry:list --csv} writes it, through core's {@link CsvWriter}: the same columns, named
 * as the shell names them, with the shell's cells (instants in ISO-8601, the urgency by name in lower case, an
 * unknown "as of" empty), so a spreadsheet or a script reads an export from either the same way.
 */
final class ExpiryCsv {

    /** The components of a line of {@code expiry:list}, in order. */
    static final List<String> HEADER = List.of("kind", "name", "status", "daysLeft", "notAfter", "notBefore", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
            "subject", "issuer", "asOf", "usedAt", "id", "sha256"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$

    private ExpiryCsv() {
    }

    static String write(List<ExpiryRow> rows) {
        return CsvWriter.write(HEADER, rows.stream().map(ExpiryCsv::cells).toList());
    }

    private static List<String> cells(ExpiryRow row) {
        return List.of(row.kind(), row.name(), row.urgency().name().toLowerCase(Locale.ROOT),
                Long.toString(row.daysLeft()), row.notAfter().toString(), row.notBefore().toString(), row.subject(),
                row.issuer(), instant(row.asOf()), row.usedAt(), row.id(), row.certificate().sha256Fingerprint());
    }

    private static String instant(Instant instant) {
        return instant == null ? "" : instant.toString(); //$NON-NLS-1$
    }
}
