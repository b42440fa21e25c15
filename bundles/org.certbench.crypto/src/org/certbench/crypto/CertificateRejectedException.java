package org.certbench.crypto;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A certificate was read but breaks one or more rules (CA import rules, verification of an issued
 * certificate). The message names every failed rule; {@link #problems()} lists them one by one.
 */
public class CertificateRejectedException extends CertBenchCryptoException {

    private static final long serialVersionUID = 1L;

    private final transient List<CryptoProblem> problems;

    /** A refusal listing every problem found; {@code certificateName} is the file name or subject the message names. */
    public CertificateRejectedException(String certificateName, List<CryptoProblem> problems) {
        super(CryptoErrorCode.CERTIFICATE_REJECTED, certificateName, joined(problems));
        this.problems = List.copyOf(problems);
    }

    /** {@return every problem found, in order; unmodifiable} */
    public List<CryptoProblem> problems() {
        return problems;
    }

    private static String joined(List<CryptoProblem> problems) {
        return problems.stream().map(CryptoProblem::message).collect(Collectors.joining("; "));
    }
}
