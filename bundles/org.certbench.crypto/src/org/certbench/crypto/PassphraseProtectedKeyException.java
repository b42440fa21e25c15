package org.certbench.crypto;

/** A private key is encrypted (encrypted PKCS#8 or legacy Proc-Type 4,ENCRYPTED PEM); such keys are refused, not decrypted. */
public class PassphraseProtectedKeyException extends CertBenchCryptoException {

    private static final long serialVersionUID = 1L;

    public PassphraseProtectedKeyException(CryptoErrorCode code, Object... arguments) {
        super(code, arguments);
    }

    public PassphraseProtectedKeyException(Throwable cause, CryptoErrorCode code, Object... arguments) {
        super(cause, code, arguments);
    }
}
