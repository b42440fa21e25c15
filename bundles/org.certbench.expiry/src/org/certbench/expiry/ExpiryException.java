package org.certbench.expiry;

/** A refusal of the expiry service (a bad threshold, a home that cannot be written), its message in words. */
public class ExpiryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A refusal with this message for an administrator. */
    public ExpiryException(String message) {
        super(message);
    }

    /** A failure with this message for an administrator, keeping its cause. */
    public ExpiryException(String message, Throwable cause) {
        super(message, cause);
    }
}
