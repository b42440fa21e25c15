package org.certbench.renewal;

/** A renewal setting that cannot be read, written or accepted; the message says which and why, in words. */
public class RenewalException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * A failure without an underlying exception.
     *
     * @param message what failed, in words
     */
    public RenewalException(String message) {
        super(message);
    }

    /**
     * A failure caused by another.
     *
     * @param message what failed, in words
     * @param cause the underlying failure
     */
    public RenewalException(String message, Throwable cause) {
        super(message, cause);
    }
}
