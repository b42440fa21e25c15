package org.certbench.crypto;

import java.util.List;

/**
 * One failed rule or one warning, as found by a check that reports several at once (CA import rules,
 * verification of an issued certificate).
 *
 * @param code      what the rule is
 * @param arguments the values the message names (dates, subjects), already formatted for display
 */
public record CryptoProblem(CryptoErrorCode code, List<Object> arguments) {

    /** Copies the arguments, so the problem stays unchanged. */
    public CryptoProblem {
        arguments = List.copyOf(arguments);
    }

    /** {@return a problem with this code, naming these arguments in its message} */
    public static CryptoProblem of(CryptoErrorCode code, Object... arguments) {
        return new CryptoProblem(code, List.of(arguments));
    }

    /** {@return the problem in words, from the crypto core's messages, in the default locale} */
    public String message() {
        return code.message(arguments.toArray());
    }

    @Override
    public String toString() {
        return message();
    }
}
