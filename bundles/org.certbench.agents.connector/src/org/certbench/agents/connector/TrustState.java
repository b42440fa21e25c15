package org.certbench.agents.connector;

import java.util.Locale;

/** Whether this console trusts the certificate an agent presents right now. */
public enum TrustState {
    /** The pinned self-signed certificate, or a valid certificate of the CA trusted for the agent. */
    TRUSTED,
    /** Another certificate than the pinned one, or one outside its validity or of another CA: refused. */
    UNTRUSTED,
    /** No TLS handshake was possible; {@link AgentStatus#reason()} says why. */
    UNREACHABLE;

    /** The word the views and the shell show: "trusted", "untrusted", "unreachable". */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
