package org.certbench.crypto;

/** The input holds something else than asked for: a key where a certificate belongs, a CSR, or certificate and key given the wrong way round. */
public class WrongContentException extends CertBenchCryptoException {

    private static final long serialVersionUID = 1L;

    /**
     * A refusal without an underlying failure.
     * @param code      the refusal; its text, from the crypto core's message bundle, is the message
     * @param arguments what the text names (file, subject, sizes), filled into it in order
     */
    public WrongContentException(CryptoErrorCode code, Object... arguments) {
        super(code, arguments);
    }

    /**
     * A refusal caused by a lower-level failure.
     * @param cause     the underlying failure (JCA, BouncyCastle, I/O), kept as the cause
     * @param code      the refusal; its text, from the crypto core's message bundle, is the message
     * @param arguments what the text names (file, subject, sizes), filled into it in order
     */
    public WrongContentException(Throwable cause, CryptoErrorCode code, Object... arguments) {
        super(cause, code, arguments);
    }
}
