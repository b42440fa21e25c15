package org.certbench.crypto;

/** The input is empty, damaged, truncated or holds nothing of the kind asked for. */
public class MalformedInputException extends CertBenchCryptoException {

    private static final long serialVersionUID = 1L;

    public MalformedInputException(CryptoErrorCode code, Object... arguments) {
        super(code, arguments);
    }

    public MalformedInputException(Throwable cause, CryptoErrorCode code, Object... arguments) {
        super(cause, code, arguments);
    }
}
