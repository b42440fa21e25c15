package org.certbench.crypto;

import java.util.List;

/** The outcome of {@link IssuedCertificateVerifier#verify}: every failed check, each with its own message. */
public record VerificationResult(List<CryptoProblem> problems) {

    /** Copies the problems, so the result stays unchanged; not {@code null}. */
    public VerificationResult {
        problems = List.copyOf(problems);
    }

    /** {@return whether no problems were found} */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /**
     * Throws when the certificate was refused. @throws CertificateRejectedException naming every problem, when not
     * {@link #isValid()}
     * @param certificateName the file name the message names
     */
    public void requireValid(String certificateName) throws CertificateRejectedException {
        if (!isValid()) {
            throw new CertificateRejectedException(certificateName, problems);
        }
    }
}
