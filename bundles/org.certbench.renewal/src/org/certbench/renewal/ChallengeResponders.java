package org.certbench.renewal;

import java.util.Optional;

import org.certbench.issuers.ChallengeResponder;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.Issuer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Who answers an issuer's proof-of-control challenges when renewal asks it to sign. A plug-in whose issuer needs
 * challenges answered (ACME: http-01 through the web server's root or a listener of its own) registers this as an
 * OSGi service; renewal asks each one registered and passes the first responder offered in the
 * {@link org.certbench.issuers.IssueRequest} (one plug-in per issuer is expected to answer). Without any, requests carry
 * {@link ChallengeResponder#NONE}, which the local and command issuers never call.
 *
 * @since 1.1
 */
@ConsumerType
public interface ChallengeResponders {

    /**
     * {@return the responder for requests of this kind to this issuer, or empty when this service has none for it}
     *
     * @param issuer the issuer about to be asked
     * @param kind the kind of certificate requested; renewal asks for {@link IssueKind#HOST} targets
     * @param target the host service target's id (or the agent's name) the certificate is for
     */
    Optional<ChallengeResponder> responder(Issuer issuer, IssueKind kind, String target);
}
