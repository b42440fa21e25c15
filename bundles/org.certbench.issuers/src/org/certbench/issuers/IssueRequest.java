package org.certbench.issuers;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a certificate signing request is for, beside the CSR itself.
 *
 * @param kind whether the certificate is an agent's or a host service's; never null
 * @param names the DNS names and IP addresses the certificate must name, the first being its common name;
 *        never null or empty. An issuer refuses a CSR that asks for other names.
 * @param lifetime the validity the caller wants, or empty to let the issuer choose (an ACME CA always does)
 * @param challenges answers the issuer's proof-of-control challenges; {@link ChallengeResponder#NONE} when the
 *        caller can answer none
 */
public record IssueRequest(IssueKind kind, List<String> names, Optional<Duration> lifetime,
        ChallengeResponder challenges) {

    /** Refuses null components and an empty or non-positive request; copies the names. */
    public IssueRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(challenges, "challenges");
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a request names at least one host");
        }
        if (lifetime.isPresent() && (lifetime.get().isNegative() || lifetime.get().isZero())) {
            throw new IllegalArgumentException("a lifetime must be positive");
        }
    }

    /**
     * A request whose lifetime the issuer chooses and which answers no challenge.
     *
     * @param kind the certificate's kind
     * @param names the names it must carry, the first being its common name
     * @return the request
     */
    public static IssueRequest of(IssueKind kind, List<String> names) {
        return new IssueRequest(kind, names, Optional.empty(), ChallengeResponder.NONE);
    }
}
