package org.certbench.crypto;

/** A key uses an algorithm this bundle cannot handle. */
public class UnsupportedKeyException extends CertBenchCryptoException {

    private static final long serialVersionUID = 1L;

    public UnsupportedKeyException(CryptoErrorCode code, Object... arguments) {
        super(code, arguments);
    }

    public UnsupportedKeyException(Throwable cause, CryptoErrorCode code, Object... arguments) {
        super(cause, code, arguments);
    }
}
