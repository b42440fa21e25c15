package org.certbench.crypto;

import java.util.List;

/**
 * The outcome of {@link CaImportRules#check}: the failed rules (any of them refuses the import) and the
 * warnings (weak key, weak signature), which are shown but do not refuse.
 */
public record CaImportCheck(List<CryptoProblem> problems, List<CryptoProblem> warnings) {

    /** Copies the lists, so the check stays unchanged; neither may be {@code null}. */
    public CaImportCheck {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** {@return whether there are no problems (warnings do not refuse)} */
    public boolean accepted() {
        return problems.isEmpty();
    }

    /**
     * Throws when the certificate was refused. @throws CertificateRejectedException naming every problem, when not
     * {@link #accepted()}
     * @param certificateName file name or subject the message names
     */
    public void requireAccepted(String certificateName) throws CertificateRejectedException {
        if (!accepted()) {
            throw new CertificateRejectedException(certificateName, problems);
        }
    }
}
