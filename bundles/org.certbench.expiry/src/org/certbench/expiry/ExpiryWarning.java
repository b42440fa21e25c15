package org.certbench.expiry;

import java.util.List;
import java.util.Objects;

/**
 * What one expiry warning (a system message the staged-warning check posted) is about, for those who pass it on
 * (notifications): its event, kind, the threshold crossed, the certificates it names, what to do and the command that
 * lists every certificate of its kind. Immutable.
 *
 * @param key          the system message's key
 * @param event        {@link #EXPIRES}, {@link #EXPIRED}, {@link #SUMMARY} or {@link #SELF_SIGNED}
 * @param kind         the certificates' kind (the values {@code expiry:list --kind} takes); never {@code null}
 * @param withinDays   the threshold crossed in days; {@code null} for {@link #EXPIRED} and a summary of expired
 *                     certificates
 * @param certificates the certificates the warning names: one for {@link #EXPIRES} and {@link #EXPIRED}, every one
 *                     summed up for {@link #SUMMARY} and {@link #SELF_SIGNED} (thousands, at a mass issuance: who
 *                     shows them bounds the list); unmodifiable
 * @param action       what to do, in words with the shell commands (the sentence the message itself ends with)
 * @param command      the shell command that lists every certificate of the kind with its days left
 * @since 1.1
 */
public record ExpiryWarning(String key, String event, String kind, Integer withinDays,
        List<WarnedCertificate> certificates, String action, String command) {

    /** A certificate crossed a threshold of its kind. */
    public static final String EXPIRES = "certificate.expires"; //$NON-NLS-1$
    /** A certificate has expired. */
    public static final String EXPIRED = "certificate.expired"; //$NON-NLS-1$
    /** More certificates of one kind crossed the same threshold (or expired) in one check than are posted one by one. */
    public static final String SUMMARY = "certificate.summary"; //$NON-NLS-1$
    /** Agents' pinned self-signed certificates newly in a stage, summed up in one message. */
    public static final String SELF_SIGNED = "certificate.selfsigned"; //$NON-NLS-1$

    /** Copies the certificates; checks that nothing required is {@code null}. */
    public ExpiryWarning {
        Objects.requireNonNull(key, "key"); //$NON-NLS-1$
        Objects.requireNonNull(event, "event"); //$NON-NLS-1$
        Objects.requireNonNull(kind, "kind"); //$NON-NLS-1$
        certificates = List.copyOf(certificates);
        Objects.requireNonNull(action, "action"); //$NON-NLS-1$
        Objects.requireNonNull(command, "command"); //$NON-NLS-1$
    }
}
