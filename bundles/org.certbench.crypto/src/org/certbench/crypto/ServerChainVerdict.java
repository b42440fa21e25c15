package org.certbench.crypto;

import java.util.List;

/**
 * The outcome of {@link ServerChainValidator#validate}: the path that was built (server certificate first,
 * then the intermediate CA certificates, in issuing order), the CA certificate of the store it ends at, and
 * every rule the path breaks, each naming the certificate concerned.
 *
 * @param path     the certificates from the server that form the path; at least the server's own certificate
 *                 when it sent one
 * @param anchor   the trusted CA certificate the path ends at, or {@code null} when it reaches none
 * @param problems why the chain is not trusted (empty when it is)
 */
public record ServerChainVerdict(List<Certificate> path, Certificate anchor, List<CryptoProblem> problems) {

    /** Copies the lists, so the verdict stays unchanged; neither may be {@code null}. */
    public ServerChainVerdict {
        path = List.copyOf(path);
        problems = List.copyOf(problems);
    }

    /** {@return whether the chain is trusted: no problems were found} */
    public boolean trusted() {
        return problems.isEmpty();
    }

    /**
     * The Common Name of the issuer that is missing from the store when that, and only that, is why the chain is
     * refused ({@link CryptoErrorCode#CHAIN_ISSUER_UNKNOWN} or {@link CryptoErrorCode#CHAIN_ISSUER_NOT_SENT});
     * {@code null} otherwise.
     */
    public String unknownIssuer() {
        if (problems.size() == 1 && (problems.get(0).code() == CryptoErrorCode.CHAIN_ISSUER_UNKNOWN
                || problems.get(0).code() == CryptoErrorCode.CHAIN_ISSUER_NOT_SENT)) {
            return String.valueOf(problems.get(0).arguments().get(1));
        }
        return null;
    }

    /** Every problem in words, separated by semicolons. */
    public String reasons() {
        return String.join("; ", problems.stream().map(CryptoProblem::message).toList());
    }
}
