package org.certbench.issuers.internal.commands;

/** A line of {@code agent:revoke}: the agent, {@code ok} or {@code failed}, and what was revoked or why not. */
public record RevokeOutcome(String agent, String result, String detail) {

    // what scripts compare (--json): identifiers, not words to translate
    static final String OK = "ok"; //$NON-NLS-1$
    static final String FAILED = "failed"; //$NON-NLS-1$
}
