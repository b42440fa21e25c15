package org.certbench.issuers;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers an issuer's {@link Challenge}s for the names of one request, supplied by the caller of
 * {@link Issuer#issue}. Issuers that need no proof of control never call it.
 * <p>
 * Called from the thread that runs {@link Issuer#issue}. Every challenge {@link #deploy deployed} is
 * {@link #cleanUp cleaned up} by the issuer afterwards, also when issuing fails or is cancelled.
 */
@ConsumerType
public interface ChallengeResponder {

    /** A responder that answers no challenge: issuers that need one fail in words. */
    ChallengeResponder NONE = new ChallengeResponder() {
        @Override
        public boolean supports(String type) {
            return false;
        }

        @Override
        public void deploy(Challenge challenge) throws IssuerException {
            throw new IssuerException(IssuerException.Reason.REFUSED, "no challenge can be answered here");
        }

        @Override
        public void cleanUp(Challenge challenge) {
        }
    };

    /**
     * {@return whether this responder can answer challenges of the given type}
     *
     * @param type a challenge type, e.g. {@code http-01}
     */
    boolean supports(String type);

    /**
     * Makes the challenge's answer visible where the issuer will look for it; returns once it is.
     *
     * @param challenge the challenge to answer
     * @throws IssuerException if it cannot be answered, saying why in words
     */
    void deploy(Challenge challenge) throws IssuerException;

    /**
     * Removes what {@link #deploy} put in place; never throws.
     *
     * @param challenge a challenge passed to {@link #deploy} before
     */
    void cleanUp(Challenge challenge);
}
