package org.certbench.agents.connector;

import org.certbench.crypto.Certificate;

/**
 * What "Trust this certificate" changed for one agent, with the old and the new side by side.
 *
 * @param presented the certificate the agent presented and that is now trusted
 * @param previous  the certificate trusted before in the same way (the old pin, or the old CA); {@code null}
 *                  when there was none
 * @param trusted   the pinned certificate or the CA now trusted
 */
public record TrustChange(String agent, Kind kind, Certificate presented, Certificate previous, Certificate trusted) {

    /** What changed in the console's trust of an agent. */
    public enum Kind {
        /** A self-signed certificate (or a CA-issued one whose CA this console does not know) was pinned. */
        PINNED_CERTIFICATE,
        /** The CA that issued the presented certificate is trusted for the agent. */
        TRUSTED_CA,
        /** It was trusted already; nothing changed. */
        ALREADY_TRUSTED
    }
}
