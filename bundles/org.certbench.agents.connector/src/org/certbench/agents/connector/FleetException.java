package org.certbench.agents.connector;

/** A fleet operation that could not be done at all; the message says why, in words for an administrator. */
public class FleetException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A refusal; {@code message} is shown to the administrator as it is. */
    public FleetException(String message) {
        super(message);
    }

    /** A refusal caused by a lower-level failure (I/O, TLS, protocol), kept as the cause. */
    public FleetException(String message, Throwable cause) {
        super(message, cause);
    }
}
