package org.certbench.crypto;

/** A file is over the size limit; it was refused before being parsed. */
public class InputTooLargeException extends CertBenchCryptoException {

    private static final long serialVersionUID = 1L;

    public InputTooLargeException(CryptoErrorCode code, Object... arguments) {
        super(code, arguments);
    }

    public InputTooLargeException(Throwable cause, CryptoErrorCode code, Object... arguments) {
        super(cause, code, arguments);
    }
}
