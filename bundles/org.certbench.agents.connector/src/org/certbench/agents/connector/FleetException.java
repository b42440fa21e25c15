package org.certbench.agents.connector;

/** A fleet operation that could not be done at all; the message says why, in words for an administrator. */
public class FleetException extends Exception {

    private static final long serialVersionUID = 1L;

    public FleetException(String message) {
        super(message);
    }

    public FleetException(String message, Throwable cause) {
        super(message, cause);
    }
}
