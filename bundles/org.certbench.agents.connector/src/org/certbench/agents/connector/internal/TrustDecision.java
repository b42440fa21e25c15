package org.certbench.agents.connector.internal;

import org.certbench.agents.connector.TrustState;

/** Whether a presented certificate is trusted, why not, and what to warn about if it is. */
record TrustDecision(TrustState state, String reason, String warning) {

    static TrustDecision trusted(String warning) {
        return new TrustDecision(TrustState.TRUSTED, null, warning);
    }

    static TrustDecision untrusted(String reason) {
        return new TrustDecision(TrustState.UNTRUSTED, reason, null);
    }

    boolean isTrusted() {
        return state == TrustState.TRUSTED;
    }
}
