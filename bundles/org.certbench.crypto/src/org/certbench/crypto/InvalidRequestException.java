package org.certbench.crypto;

/** A value given to build a certificate or CSR (name, country, alternative name) is not valid. */
public class InvalidRequestException extends CertBenchCryptoException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(CryptoErrorCode code, Object... arguments) {
        super(code, arguments);
    }

    public InvalidRequestException(Throwable cause, CryptoErrorCode code, Object... arguments) {
        super(cause, code, arguments);
    }
}
