package org.certbench.crypto;

import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.certbench.crypto.internal.ExtensionTexts;

/**
 * Checks a certificate a CA issued for a host or agent before it is applied ("Verify Files"): the CA file
 * holds a valid CA, the certificate was issued and signed by it, it certifies the owner's key, it is
 * inside its validity window and its Extended Key Usage includes Server Authentication.
 */
public final class IssuedCertificateVerifier {

    private IssuedCertificateVerifier() {
    }

    /**
     * A verifier for certificates issued for this key.
     * @param ownerKey  the public key of the private key the certificate must match (the agent's key)
     * @param ownerName how the administrator knows the key's owner, e.g. the agent's name
     */
    public static VerificationResult verify(Certificate issued, Certificate ca, PublicKey ownerKey, String ownerName,
            Instant now) {
        List<CryptoProblem> problems = new ArrayList<>();
        for (CryptoProblem caProblem : CaImportRules.problems(ca, now)) {
            problems.add(CryptoProblem.of(CryptoErrorCode.CA_INVALID, ca.subject(), caProblem.message()));
        }
        if (!issued.holder().getIssuer().equals(ca.holder().getSubject())) {
            problems.add(CryptoProblem.of(CryptoErrorCode.ISSUER_MISMATCH, issued.issuer(), ca.subject()));
        } else if (!issued.isSignedBy(ca)) {
            problems.add(CryptoProblem.of(CryptoErrorCode.SIGNATURE_NOT_BY_CA, ca.subject()));
        }
        if (!issued.hasPublicKey(ownerKey)) {
            problems.add(CryptoProblem.of(CryptoErrorCode.KEY_NOT_MATCHING_OWNER, ownerName));
        }
        problems.addAll(CaImportRules.validityProblems(issued, now));
        List<String> purposes = ExtensionTexts.extendedKeyUsage(issued.holder().getExtensions());
        if (purposes.isEmpty()) {
            problems.add(CryptoProblem.of(CryptoErrorCode.EXTENDED_KEY_USAGE_MISSING));
        } else if (!purposes.contains("serverAuth")) {
            problems.add(CryptoProblem.of(CryptoErrorCode.SERVER_AUTH_MISSING, String.join(", ", purposes)));
        }
        return new VerificationResult(problems);
    }
}
