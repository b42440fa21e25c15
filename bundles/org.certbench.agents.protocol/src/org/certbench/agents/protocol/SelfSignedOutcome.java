package org.certbench.agents.protocol;

/** What applying a self-signed certificate did. */
public enum SelfSignedOutcome {
    /** The self-signed certificate was already the one in use; nothing changed. */
    ALREADY_IN_USE,
    /** The self-signed certificate in use before a CA-issued one is in use again. */
    RESTORED,
    /** No earlier self-signed certificate existed: a new one was made with the existing key. */
    CREATED,
    /** A new private key and a new self-signed certificate. */
    REKEYED
}
