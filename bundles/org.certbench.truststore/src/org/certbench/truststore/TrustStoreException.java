package org.certbench.truststore;

/** A trust store operation that could not be done; the message says why, in words for an administrator. */
public class TrustStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    public TrustStoreException(String message) {
        super(message);
    }

    public TrustStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
