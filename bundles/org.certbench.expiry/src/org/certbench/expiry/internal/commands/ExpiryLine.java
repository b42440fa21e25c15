package org.certbench.expiry.internal.commands;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.certbench.core.CsvWriter;
import org.certbench.expiry.ExpiryRow;

/**
 * A line of {@code expiry:list}, what the Expiry view shows, for text, {@code --json} and {@code --csv}: the one
 * definition of the overview's exported columns. The Expiry menu's Export Expiry Overview... writes {@link #csv} (this
 * package is exported to the view's bundle only), so an export from either reads the same.
 */
public record ExpiryLine(String kind, String name, String status, long daysLeft, Instant notAfter, Instant notBefore,
        String subject, String issuer, Instant asOf, String usedAt, String id, String sha256) {

    /** The names of the components, in order: the header line of {@code --csv}. */
    public static final List<String> COLUMNS = Arrays.stream(ExpiryLine.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    /** {@return the line of one row of the overview} */
    public static ExpiryLine of(ExpiryRow row) {
        return new ExpiryLine(row.kind(), row.name(), row.urgency().name().toLowerCase(Locale.ROOT), row.daysLeft(),
                row.notAfter(), row.notBefore(), row.subject(), row.issuer(), row.asOf(), row.usedAt(), row.id(),
                row.certificate().sha256Fingerprint());
    }

    /**
     * {@return the rows as the shell's {@code expiry:list --csv} writes them}: a header of {@link #COLUMNS}, a line
     * per row with the shell's cells (instants in ISO-8601, an unknown "as of" empty), through core's
     * {@link CsvWriter} (RFC 4180).
     */
    public static String csv(List<ExpiryRow> rows) {
        return CsvWriter.write(COLUMNS, rows.stream().map(row -> of(row).cells()).toList());
    }

    /** The cells in the order of {@link #COLUMNS}, read from the components themselves. */
    private List<String> cells() {
        return Arrays.stream(ExpiryLine.class.getRecordComponents()).map(this::cell).toList();
    }

    private String cell(RecordComponent component) {
        try {
            Object value = component.getAccessor().invoke(this);
            return value == null ? "" : value.toString(); //$NON-NLS-1$
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
