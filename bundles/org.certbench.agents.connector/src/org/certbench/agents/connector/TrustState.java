package org.certbench.agents.connector;

import java.util.Locale;

/** Whether this console trusts the certificate an agent presents right now. */
public enum TrustState {
    /**
     * The pinned certificate, or a valid certificate of the CA trusted for the agent that names the agent's host or
     * carries its pinned key.
     */
    TRUSTED,
    /**
     * Another certificate than the pinned one, one outside its validity, of another CA, or issued for another
     * agent: refused.
     */
    UNTRUSTED,
    /** No TLS handshake was possible; {@link AgentStatus#reason()} says why. */
    UNREACHABLE;

    /** The word the views and the shell show: "trusted", "untrusted", "unreachable". */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
