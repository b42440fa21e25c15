package org.certbench.core;

import java.util.List;

/**
 * What {@link AuditLog#read} found: the intact entries, oldest first, and one sentence per line it had to skip
 * (a last line cut off by a crash, a line someone edited).
 */
public record AuditRecords(List<AuditEntry> entries, List<String> problems) {

    /** Copies the lists, so the records stay unchanged; neither may be {@code null}. */
    public AuditRecords {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }
}
