package org.certbench.issuers;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificationRequest;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A certificate authority CertBench can ask to sign a CSR. Plug-ins register implementations as OSGi services;
 * CertBench's own are the {@code local} CA and the {@code command} issuers.
 * <p>
 * Implementations are called from any thread, possibly several at once, and must be safe for that. They never
 * return null. Every failure is an {@link IssuerException} with a message in words; an issuer bounds the time
 * and the size of everything it reads from a network or a program.
 */
@ConsumerType
public interface Issuer {

    /** {@return the issuer's name, unique among issuers: letters, digits, '.', '_' and '-'} */
    String name();

    /** {@return a short description for lists, in words ("CertBench CA in /root/.certbench", "openssl ca …")} */
    String description();

    /**
     * {@return the CA certificates the issuer's certificates chain to, the issuing one first}; empty when the
     * issuer cannot tell before it issues (an ACME CA may change its intermediates)
     */
    List<Certificate> caCertificates();

    /**
     * {@return what sort of issuer this is, for lists: {@code local} (CertBench's CA), {@code command}, or what a
     * plug-in calls its own; {@code plug-in} unless the implementation says otherwise}
     *
     * @since 1.2
     */
    default String type() {
        return "plug-in"; //$NON-NLS-1$
    }

    /**
     * {@return whether this issuer certifies IP addresses (subject alternative names of type IP) as well as DNS
     * names}; {@code true} unless the implementation says otherwise. Callers that choose the names themselves, such
     * as host renewal with the host identity's names, leave IP addresses out for an issuer that answers
     * {@code false}, rather than have every request refused: ACME CAs, for one, certify DNS names only (the IP
     * identifiers of RFC 8738 are rarely offered).
     *
     * @since 1.3
     */
    default boolean certifiesIpAddresses() {
        return true;
    }

    /**
     * {@return whether {@link #removeConfiguration} works: the issuer is one an administrator configured at run
     * time (an ACME CA) rather than one that comes and goes with its plug-in}; {@code false} unless the
     * implementation says otherwise
     *
     * @since 1.3
     */
    default boolean removable() {
        return false;
    }

    /**
     * Removes what configures this issuer (its files, keys and stored secrets), so that it is offered no more:
     * what {@code issuer:remove} does for an issuer that is {@link #removable()}. What the issuer registered
     * elsewhere, an account at a CA for one, is left there. By default, refuses with
     * {@link IssuerException.Reason#UNSUPPORTED}.
     *
     * @throws IssuerException if the issuer cannot be removed or its files cannot be deleted
     * @since 1.3
     */
    default void removeConfiguration() throws IssuerException {
        throw new IssuerException(IssuerException.Reason.UNSUPPORTED, "issuer " + name() + " cannot be removed");
    }

    /** {@return the kinds of certificate this issuer signs} */
    Set<IssueKind> kinds();

    /** {@return whether {@link #revoke} works for this issuer's certificates} */
    boolean canRevoke();

    /**
     * Signs a CSR for the request's kind and names. Checks that the CSR's names and key belong to the request
     * before signing, and refuses other kinds in words.
     *
     * @param csr the request, signed with the key the certificate is for
     * @param request the kind, the names and the lifetime of the certificate, and who answers challenges
     * @param monitor progress and cancellation
     * @return the certificate and its chain
     * @throws IssuerException if the issuer refuses, fails, times out or is cancelled
     */
    IssuedChain issue(CertificationRequest csr, IssueRequest request, IssueMonitor monitor) throws IssuerException;

    /**
     * Revokes a certificate this issuer issued; by default, refuses with
     * {@link IssuerException.Reason#UNSUPPORTED}.
     *
     * @param certificate a certificate this issuer issued
     * @return when the revocation took effect
     * @throws IssuerException if the issuer cannot revoke, did not issue the certificate, or fails
     */
    default Instant revoke(Certificate certificate) throws IssuerException {
        throw new IssuerException(IssuerException.Reason.UNSUPPORTED, "issuer " + name() + " cannot revoke");
    }
}
