package org.certbench.renewal.internal;

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

    static FailureKind of(IssuerException.Reason reason) {
        return switch (reason) {
            case REFUSED, UNSUPPORTED -> ISSUER_REFUSED;
            case UNAVAILABLE, TIMEOUT -> ISSUER_FAILED;
            case INVALID_RESPONSE -> ISSUER_ANSWER;
            case CANCELED -> CANCELED;
        };
    }
}
