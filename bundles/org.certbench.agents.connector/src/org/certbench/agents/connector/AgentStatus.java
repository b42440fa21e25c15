package org.certbench.agents.connector;

import org.certbench.crypto.Certificate;

/**
 * What an agent presented in a live TLS handshake, and whether this console trusts it.
 *
 * @param certificate the certificate presented; {@code null} when unreachable
 * @param reason      why untrusted or unreachable, in words; {@code null} when trusted
 * @param warning     something to show beside a trusted certificate (an expired pinned self-signed
 *                    certificate); {@code null} when there is none
 */
public record AgentStatus(AgentEntry agent, TrustState state, Certificate certificate, String reason,
        String warning) {

    /** {@return whether the console trusts this agent's certificate now (pinned or issued by a known CA)} */
    public boolean isTrusted() {
        return state == TrustState.TRUSTED;
    }
}
