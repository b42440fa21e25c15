package org.certbench.crypto;

/** A private key does not belong to the certificate it was given with. */
public class KeyMismatchException extends CertBenchCryptoException {

    private static final long serialVersionUID = 1L;

    public KeyMismatchException(CryptoErrorCode code, Object... arguments) {
        super(code, arguments);
    }

    public KeyMismatchException(Throwable cause, CryptoErrorCode code, Object... arguments) {
        super(cause, code, arguments);
    }
}
