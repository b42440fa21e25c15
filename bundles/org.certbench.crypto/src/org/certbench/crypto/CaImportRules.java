package org.certbench.crypto;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.certbench.crypto.internal.DisplayFormats;
import org.certbench.crypto.internal.ExtensionTexts;
import org.certbench.crypto.internal.KeyAlgorithms;
import org.certbench.crypto.internal.KeyDescription;
import org.certbench.crypto.internal.NameConstraintsCheck;
import org.certbench.crypto.internal.SummaryFactory;

/**
 * The rules a CA certificate must meet to be imported into the trust store: valid from a date in the past,
 * expiring in the future, Basic Constraints present with CA=true, name constraints (if any) readable. Any readable key algorithm is accepted;
 * RSA and DSA keys under 2048 bits and MD5/SHA-1 signatures only raise warnings.
 */
public final class CaImportRules {

    private static final int MIN_RECOMMENDED_BITS = 2048;

    private CaImportRules() {
    }

    /**
     * {@return the problems that refuse the certificate as a CA of the trust store at {@code now}, and the warnings}
     * Never throws; reads no files.
     */
    public static CaImportCheck check(Certificate certificate, Instant now) {
        return new CaImportCheck(problems(certificate, now), warnings(certificate));
    }

    static List<CryptoProblem> problems(Certificate certificate, Instant now) {
        List<CryptoProblem> problems = new ArrayList<>(validityProblems(certificate, now));
        BasicConstraints constraints = ExtensionTexts.basicConstraints(certificate.holder().getExtensions());
        if (constraints == null) {
            problems.add(CryptoProblem.of(CryptoErrorCode.BASIC_CONSTRAINTS_MISSING));
        } else if (!constraints.isCA()) {
            problems.add(CryptoProblem.of(CryptoErrorCode.NOT_A_CA));
        }
        constraintsProblem(certificate).ifPresent(problems::add);
        return problems;
    }

    /**
     * Name constraints that cannot be read: outbound connections enforce a CA's constraints, so such a CA would
     * verify nothing (and trusting it without them would trust more than its issuer allowed).
     */
    public static Optional<CryptoProblem> constraintsProblem(Certificate certificate) {
        try {
            NameConstraintsCheck.of(certificate.holder());
            return Optional.empty();
        } catch (NameConstraintsCheck.UnreadableException e) {
            return Optional.of(CryptoProblem.of(CryptoErrorCode.NAME_CONSTRAINTS_UNREADABLE, e.getMessage()));
        }
    }

    /** Not-before must lie in the past (or be now), not-after in the future. */
    static List<CryptoProblem> validityProblems(Certificate certificate, Instant now) {
        List<CryptoProblem> problems = new ArrayList<>();
        if (now.isBefore(certificate.notBefore())) {
            problems.add(CryptoProblem.of(CryptoErrorCode.NOT_YET_VALID, DisplayFormats.dateTime(certificate.notBefore())));
        }
        if (!now.isBefore(certificate.notAfter())) {
            problems.add(CryptoProblem.of(CryptoErrorCode.EXPIRED, DisplayFormats.dateTime(certificate.notAfter())));
        }
        return problems;
    }

    private static List<CryptoProblem> warnings(Certificate certificate) {
        List<CryptoProblem> warnings = new ArrayList<>();
        KeyDescription key = KeyAlgorithms.describe(certificate.holder().getSubjectPublicKeyInfo());
        OptionalInt bits = key.bits();
        if (("RSA".equals(key.algorithm()) || "DSA".equals(key.algorithm())) && bits.isPresent()
                && bits.getAsInt() < MIN_RECOMMENDED_BITS) {
            warnings.add(CryptoProblem.of(CryptoErrorCode.WEAK_KEY, key.algorithm(), bits.getAsInt()));
        }
        String signature = SummaryFactory.signatureAlgorithm(certificate.holder());
        String upper = signature.toUpperCase(Locale.ROOT);
        if (upper.contains("SHA1") || upper.contains("MD5") || upper.contains("MD2")) {
            warnings.add(CryptoProblem.of(CryptoErrorCode.WEAK_SIGNATURE, signature));
        }
        return warnings;
    }
}
