package org.certbench.crypto;

/** The input holds something else than asked for: a key where a certificate belongs, a CSR, or certificate and key given the wrong way round. */
public class WrongContentException extends CertBenchCryptoException {

    private static final long serialVersionUID = 1L;

    public WrongContentException(CryptoErrorCode code, Object... arguments) {
        super(code, arguments);
    }

    public WrongContentException(Throwable cause, CryptoErrorCode code, Object... arguments) {
        super(cause, code, arguments);
    }
}
