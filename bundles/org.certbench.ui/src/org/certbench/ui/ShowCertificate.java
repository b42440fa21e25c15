package org.certbench.ui;

/**
 * Asks the view that owns a certificate to select it, e.g. after a double-click in the Expiry view. Sent on the e4
 * event broker under {@link #TOPIC} once that view is shown; a view listens with
 * {@code @Inject @Optional void show(@UIEventTopic(ShowCertificate.TOPIC) ShowCertificate request)} and ignores
 * the kinds that are not its own.
 *
 * @param kind the expiry overview's kind: {@code ca}, {@code host}, {@code agent} or a plug-in's
 * @param key  what the view knows the certificate by: the CA certificate's id, the host service's id, the agent's
 *             name
 * @since 1.1
 */
public record ShowCertificate(String kind, String key) {

    /** The event broker topic of the request (its data is the request itself). */
    public static final String TOPIC = "org/certbench/ui/ShowCertificate"; //$NON-NLS-1$
}
