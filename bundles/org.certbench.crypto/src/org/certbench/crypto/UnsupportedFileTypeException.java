package org.certbench.crypto;

/** A file name does not have an extension the upload rule allows. */
public class UnsupportedFileTypeException extends CertBenchCryptoException {

    private static final long serialVersionUID = 1L;

    public UnsupportedFileTypeException(CryptoErrorCode code, Object... arguments) {
        super(code, arguments);
    }

    public UnsupportedFileTypeException(Throwable cause, CryptoErrorCode code, Object... arguments) {
        super(cause, code, arguments);
    }
}
