package org.certbench.crypto;

import java.util.Arrays;
import java.util.List;

/**
 * Every refusal of the crypto core. The message is written for an administrator (it names the file or
 * subject); {@link #code()} is for programs. Subclasses mark the cases a caller may want to treat apart.
 */
public class CertBenchCryptoException extends Exception {

    private static final long serialVersionUID = 1L;

    private final CryptoErrorCode code;
    private final transient Object[] arguments;

    public CertBenchCryptoException(CryptoErrorCode code, Object... arguments) {
        this(null, code, arguments);
    }

    public CertBenchCryptoException(Throwable cause, CryptoErrorCode code, Object... arguments) {
        super(code.message(arguments), cause);
        this.code = code;
        this.arguments = arguments.clone();
    }

    public CryptoErrorCode code() {
        return code;
    }

    public List<Object> arguments() {
        return arguments == null ? List.of() : Arrays.asList(arguments.clone());
    }
}
