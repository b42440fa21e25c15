package org.certbench.renewal.internal;

import org.certbench.host.HostCertificateException;
import org.certbench.issuers.IssuerException;

/**
 * Which step of a renewal failed, so that an administrator tells a CA that refuses apart from one that is down, and
 * both from an agent that cannot be reached: each kind of failure of a certificate has a system message of its own.
 * The label is what {@code attempts.properties} and the message keys hold; the words are what is shown.
 */
public enum FailureKind {

    /** The agent could not be reached, was not trusted, or made no usable CSR; no issuer was asked. */
    AGENT("agent", Messages.Kind_agent), //$NON-NLS-1$
    /** The issuer will not sign this request. */
    ISSUER_REFUSED("issuer-refused", Messages.Kind_issuerRefused), //$NON-NLS-1$
    /** The issuer could not be reached, failed, or did not answer in time. */
    ISSUER_FAILED("issuer-failed", Messages.Kind_issuerFailed), //$NON-NLS-1$
    /** The issuer answered with something that is not a certificate for this request. */
    ISSUER_ANSWER("issuer-answer", Messages.Kind_issuerAnswer), //$NON-NLS-1$
    /** A certificate was issued but did not pass the checks, was not applied, or was not confirmed by a handshake. */
    NOT_APPLIED("not-applied", Messages.Kind_notApplied), //$NON-NLS-1$
    /** A host target's settings, files or key were not usable; no issuer was asked. */
    TARGET("target", Messages.Kind_target), //$NON-NLS-1$
    /** The administrator cancelled. */
    CANCELED("canceled", Messages.Kind_canceled); //$NON-NLS-1$

    private final String label;
    private final String words;

    FailureKind(String label, String words) {
        this.label = label;
        this.words = words;
    }

    String label() {
        return label;
    }

    /** {@return the kind in words, for an administrator} */
    public String words() {
        return words;
    }

    /**
     * {@return the step at which a host target's renewal failed} The issuer's own reason where the CA step failed with
     * one (it is the cause the signer kept), else what the host service's reason says of the step.
     */
    static FailureKind of(HostCertificateException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IssuerException issuer) {
                return of(issuer.reason());
            }
        }
        return switch (failure.reason()) {
            case CANCELED -> CANCELED;
            // a plug-in's signer that broke, or one that signed nothing
            case SIGNING_FAILED -> failure.getCause() instanceof RuntimeException ? ISSUER_FAILED : ISSUER_ANSWER;
            // renewals ask for the host identity's own names: a refusal is the issued chain failing the checks
            case REFUSED -> ISSUER_ANSWER;
            case UNREACHABLE, INSTALL_FAILED, RELOAD_FAILED, NOT_SERVED, RESTORE_FAILED -> NOT_APPLIED;
            default -> TARGET;
        };
    }

    static FailureKind of(IssuerException.Reason reason) {
        return switch (reason) {
            case REFUSED, UNSUPPORTED -> ISSUER_REFUSED;
            case UNAVAILABLE, TIMEOUT -> ISSUER_FAILED;
            case INVALID_RESPONSE -> ISSUER_ANSWER;
            case CANCELED -> CANCELED;
        };
    }
}
