package org.certbench.crypto;

/** A private key does not belong to the certificate it was given with. */
public class KeyMismatchException extends CertBenchCryptoException {

    private static final long serialVersionUID = 1L;

    /**
     * A refusal without an underlying failure.
     * @param code      the refusal; its text, from the crypto core's message bundle, is the message
     * @param arguments what the text names (file, subject, sizes), filled into it in order
     */
    public KeyMismatchException(CryptoErrorCode code, Object... arguments) {
        super(code, arguments);
    }

    /**
     * A refusal caused by a lower-level failure.
     * @param cause     the underlying failure (JCA, BouncyCastle, I/O), kept as the cause
     * @param code      the refusal; its text, from the crypto core's message bundle, is the message
     * @param arguments what the text names (file, subject, sizes), filled into it in order
     */
    public KeyMismatchException(Throwable cause, CryptoErrorCode code, Object... arguments) {
        super(cause, code, arguments);
    }
}
