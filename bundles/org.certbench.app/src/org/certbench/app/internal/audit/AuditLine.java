package org.certbench.app.internal.audit;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.certbench.app.internal.Messages;
import org.certbench.core.AuditEntry;
import org.eclipse.osgi.util.NLS;

/**
 * A row of the Audit view: an entry of the audit log, or a line of it that could not be read ({@code damage} says
 * which and why, in the reader's words; {@code damageInTable} the same without the log's directory, which every
 * line shares, so that the table shows the file, the line and the reason first).
 */
record AuditLine(AuditEntry entry, String damage, String damageInTable) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss") //$NON-NLS-1$
            .withZone(ZoneOffset.UTC);

    static AuditLine of(AuditEntry entry) {
        return new AuditLine(entry, null, null);
    }

    static AuditLine damaged(String problem, Path directory) {
        String prefix = directory.toString() + File.separator;
        return new AuditLine(null, problem, problem.startsWith(prefix) ? problem.substring(prefix.length()) : problem);
    }

    /** The entry's time; {@code null} for a damaged line, whose time could not be read. */
    Instant time() {
        return entry == null ? null : entry.time();
    }

    /** The time in UTC, as the column's title says. */
    String timeText() {
        return entry == null ? "" : TIME.format(entry.time()); //$NON-NLS-1$
    }

    String who() {
        return entry == null ? "" : entry.who(); //$NON-NLS-1$
    }

    /** A damaged line says so here too, where an administrator reads first. */
    String action() {
        return entry == null ? Messages.Audit_damagedAction : entry.action();
    }

    String object() {
        return entry == null || entry.object() == null ? "" : entry.object(); //$NON-NLS-1$
    }

    String result() {
        if (entry == null) {
            return damageInTable;
        }
        if (entry.ok()) {
            return Messages.Audit_ok;
        }
        return entry.message() == null || entry.message().isBlank() ? Messages.Audit_failedPlain
                : NLS.bind(Messages.Audit_failed, entry.message().replace('\n', ' '));
    }

    /** The filter looks at what an administrator searches for: the action, the object, who, and the result. */
    boolean matches(String filter) {
        for (String text : new String[] { action(), object(), who(), result() }) {
            if (text.toLowerCase(Locale.ROOT).contains(filter)) {
                return true;
            }
        }
        return false;
    }
}
