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

    public CryptoProblem {
        arguments = List.copyOf(arguments);
    }

    public static CryptoProblem of(CryptoErrorCode code, Object... arguments) {
        return new CryptoProblem(code, List.of(arguments));
    }

    public String message() {
        return code.message(arguments.toArray());
    }

    @Override
    public String toString() {
        return message();
    }
}
