package org.certbench.renewal;

import java.util.Collection;
import java.util.Set;

import org.certbench.crypto.Certificate;
import org.certbench.issuers.IssueKind;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The renewal policies of this console's home ({@code <home>/renewal/}), the agents it adopted, and what renewal
 * attempts left behind. An OSGi service CertBench provides; plug-ins call it and must not implement it. Safe for
 * use from any thread; changes are written under the home's lock, and what another process on the same home wrote
 * is read again before it is used.
 */
@ProviderType
public interface RenewalPolicies {

    /**
     * {@return the policy for a kind; {@link RenewalPolicy#unconfigured} when none is set}
     *
     * @param kind agents' or host services' certificates
     */
    RenewalPolicy policy(IssueKind kind);

    /**
     * Stores the policy of its kind.
     *
     * @param policy the new policy
     * @throws RenewalException if it cannot be written
     */
    void setPolicy(RenewalPolicy policy) throws RenewalException;

    /**
     * {@return whether a certificate of this kind is due under its kind's policy now, and why}
     *
     * @param kind the certificate's kind
     * @param certificate the certificate in use
     */
    Due due(IssueKind kind, Certificate certificate);

    /**
     * {@return whether renewal takes care of a certificate in use, and how that is going}
     *
     * @param kind the certificate's kind
     * @param target the agent's name, or the host service target's id
     * @param certificate the certificate it uses now
     */
    Coverage coverage(IssueKind kind, String target, Certificate certificate);

    /** {@return the agents this console was told to renew though their certificates came from elsewhere} */
    Set<String> adopted();

    /**
     * Remembers agents as adopted: from now on this console renews them whoever issued their certificate.
     *
     * @param agents agent names
     * @throws RenewalException if it cannot be written
     */
    void adopt(Collection<String> agents) throws RenewalException;
}
