package org.certbench.crypto;

import java.util.List;

/** The outcome of {@link IssuedCertificateVerifier#verify}: every failed check, each with its own message. */
public record VerificationResult(List<CryptoProblem> problems) {

    public VerificationResult {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** @param certificateName the file name the message names */
    public void requireValid(String certificateName) throws CertificateRejectedException {
        if (!isValid()) {
            throw new CertificateRejectedException(certificateName, problems);
        }
    }
}
