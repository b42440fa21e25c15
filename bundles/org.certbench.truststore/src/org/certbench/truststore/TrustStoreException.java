package org.certbench.truststore;

/** A trust store operation that could not be done; the message says why, in words for an administrator. */
public class TrustStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A refusal; {@code message} is shown to the administrator as it is. */
    public TrustStoreException(String message) {
        super(message);
    }

    /** A refusal caused by a lower-level failure (I/O, crypto), kept as the cause. */
    public TrustStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
