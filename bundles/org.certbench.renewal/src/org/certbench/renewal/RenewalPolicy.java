package org.certbench.renewal;

import java.util.Objects;
import java.util.Optional;

import org.certbench.crypto.KeyType;
import org.certbench.issuers.IssueKind;

/**
 * How the certificates of one kind are renewed.
 *
 * @param kind agents' or host services' certificates; never null
 * @param issuer the issuer that renews them, or empty: then renewal needs an issuer named on the command line, and
 *        {@code renewal:run} leaves the kind alone
 * @param due when a certificate is due; never null
 * @param rekey whether a renewal makes a new key first (else the key stays)
 * @param keyType the type of that new key (agents: the agent makes it, and refuses a type it does not know); never
 *        null
 * @since 1.2
 */
public record RenewalPolicy(IssueKind kind, Optional<String> issuer, DueRule due, boolean rekey, KeyType keyType) {

    /** Refuses null components. */
    public RenewalPolicy {
        Objects.requireNonNull(kind, "kind"); //$NON-NLS-1$
        Objects.requireNonNull(issuer, "issuer"); //$NON-NLS-1$
        Objects.requireNonNull(due, "due"); //$NON-NLS-1$
        Objects.requireNonNull(keyType, "keyType"); //$NON-NLS-1$
    }

    /**
     * A policy whose new keys are of the default type ({@link KeyType#DEFAULT}, P-256).
     *
     * @param kind   agents' or host services' certificates
     * @param issuer the issuer that renews them, or empty
     * @param due    when a certificate is due
     * @param rekey  whether a renewal makes a new key first
     */
    public RenewalPolicy(IssueKind kind, Optional<String> issuer, DueRule due, boolean rekey) {
        this(kind, issuer, due, rekey, KeyType.DEFAULT);
    }

    /** {@return the policy of a kind nobody configured: no issuer, the default due rule, the key kept} */
    public static RenewalPolicy unconfigured(IssueKind kind) {
        return new RenewalPolicy(kind, Optional.empty(), DueRule.DEFAULT, false);
    }

    /** {@return whether {@code renewal:run} renews this kind: an issuer is set} */
    public boolean scheduled() {
        return issuer.isPresent();
    }
}
