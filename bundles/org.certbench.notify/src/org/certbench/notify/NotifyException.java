package org.certbench.notify;

/** A notification setting or delivery that failed; the message says why, in words. */
public class NotifyException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public NotifyException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public NotifyException(String message, Throwable cause) {
        super(message, cause);
    }
}
