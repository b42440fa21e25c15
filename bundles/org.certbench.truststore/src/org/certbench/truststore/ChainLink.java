package org.certbench.truststore;

import org.certbench.crypto.Certificate;

/**
 * One element of a path from a certificate to its root ({@link CertificateChains#pathOf}) (since 1.2).
 *
 * @param certificate the certificate
 * @param inStore     whether it is one of the CA certificates of the store
 * @param expired     whether its validity ended before the path was computed
 * @param signature   how its signature was checked against the next element of the path (or itself)
 */
public record ChainLink(Certificate certificate, boolean inStore, boolean expired, Signature signature) {

    /** How an element's signature was checked (since 1.2). */
    public enum Signature {
        /** The next element of the path is its issuer: that key verifies the signature. */
        VERIFIED,
        /** It is its own issuer, and its own key verifies the signature: the path's root. */
        SELF_SIGNED,
        /** Certificates named as its issuer were found, but none of their keys verifies the signature. */
        INVALID,
        /** No certificate named as its issuer is known: the path ends unverified. */
        ISSUER_NOT_FOUND,
        /** The path was cut at {@link CertificateChains#MAX_LENGTH} elements: not followed further. */
        NOT_FOLLOWED
    }
}
