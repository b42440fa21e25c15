package org.certbench.shell.internal;

import org.certbench.core.AuditEntry;

/**
 * One line of {@code audit:list}: an entry of the audit log, or a line of it that could not be read (result
 * {@code damaged}, the message says which line and why).
 */
public record AuditRow(String time, String who, String action, String object, String before, String after,
        String result, String message) {

    static AuditRow of(AuditEntry entry) {
        return new AuditRow(entry.time().toString(), entry.who(), entry.action(), entry.object(), entry.before(),
                entry.after(), entry.ok() ? "ok" : "failed", entry.message());
    }

    static AuditRow damaged(String problem) {
        return new AuditRow(null, null, null, null, null, null, "damaged", problem);
    }
}
