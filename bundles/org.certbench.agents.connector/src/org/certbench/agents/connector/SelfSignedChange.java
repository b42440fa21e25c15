package org.certbench.agents.connector;

import org.certbench.crypto.Certificate;

/**
 * An agent switched to a self-signed certificate, which this console now pins.
 *
 * @param outcome  what the agent did
 * @param previous the certificate presented before
 */
public record SelfSignedChange(String agent, Outcome outcome, Certificate certificate, Certificate previous) {

    /**
     * What switching to a self-signed certificate did. The connector's own type, so that callers (the views,
     * plug-ins) need not speak the agents' wire protocol.
     */
    public enum Outcome {
        /** The self-signed certificate was already the one in use; nothing changed. */
        ALREADY_IN_USE,
        /** The self-signed certificate in use before a CA-issued one is in use again. */
        RESTORED,
        /** No earlier self-signed certificate existed: a new one was made with the existing key. */
        CREATED,
        /** A new private key and a new self-signed certificate. */
        REKEYED
    }
}
