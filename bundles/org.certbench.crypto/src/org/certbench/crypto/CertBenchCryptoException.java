package org.certbench.crypto;

import java.util.Arrays;
import java.util.List;

/**
 * Every refusal of the crypto core. The message is written for an administrator (it names the file or
 * subject); {@link #code()} is for programs. Subclasses mark the cases a caller may want to treat apart.
 */
public class CertBenchCryptoException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong; the message says it in words. */
    private final CryptoErrorCode code;
    private final transient Object[] arguments;

    /**
     * A refusal without an underlying failure.
     * @param code      the refusal; its text, from the crypto core's message bundle, is the message
     * @param arguments what the text names (file, subject, sizes), filled into it in order
     */
    public CertBenchCryptoException(CryptoErrorCode code, Object... arguments) {
        this(null, code, arguments);
    }

    /**
     * A refusal caused by a lower-level failure.
     * @param cause     the underlying failure (JCA, BouncyCastle, I/O), kept as the cause
     * @param code      the refusal; its text, from the crypto core's message bundle, is the message
     * @param arguments what the text names (file, subject, sizes), filled into it in order
     */
    public CertBenchCryptoException(Throwable cause, CryptoErrorCode code, Object... arguments) {
        super(code.message(arguments), cause);
        this.code = code;
        this.arguments = arguments.clone();
    }

    /** What was refused, for programs; never {@code null}. */
    public CryptoErrorCode code() {
        return code;
    }

    /** What the message names, in its order; a copy, never {@code null}. */
    public List<Object> arguments() {
        return arguments == null ? List.of() : Arrays.asList(arguments.clone());
    }
}
