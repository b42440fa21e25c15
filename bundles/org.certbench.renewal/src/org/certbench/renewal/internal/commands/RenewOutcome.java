package org.certbench.renewal.internal.commands;

/**
 * A line of {@code agent:renew}: the agent, {@code renewed} / {@code failed} / {@code due} (a dry run would renew it)
 * / {@code left}, and what was done or why not, in words.
 */
public record RenewOutcome(String agent, String result, String detail) {

    // what scripts compare (--json): identifiers, not words to translate
    static final String RENEWED = "renewed"; //$NON-NLS-1$
    static final String FAILED = "failed"; //$NON-NLS-1$
    static final String CANCELLED = "cancelled"; //$NON-NLS-1$
    static final String DUE = "due"; //$NON-NLS-1$
    static final String LEFT = "left"; //$NON-NLS-1$
}
