/**
 * Notifications: the system messages at warning level or above, sent as one digest per channel per check by
 * email (SMTP with STARTTLS or implicit TLS, verified against CertBench's CA store) or by webhook (an HTTPS POST
 * of JSON through the outbound TLS and proxy of the trust store). Digests wait in a persistent outbox of the home
 * until a channel takes them. Plug-ins call the {@link org.certbench.notify.Notifications} service; they do not
 * implement it.
 * <p>
 * 1.2: a channel's runbook ({@link org.certbench.notify.EmailSettings#runbook()},
 * {@link org.certbench.notify.WebhookSettings#runbook()}), the page each message links to.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.certbench.notify;
