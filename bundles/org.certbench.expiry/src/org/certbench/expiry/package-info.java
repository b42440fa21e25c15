/**
 * Expiry at a glance: every certificate CertBench knows, one {@link org.certbench.expiry.ExpiryRow} each, and
 * one staged-warning mechanism for all of them.
 * <p>
 * {@link org.certbench.expiry.ExpiryOverview} is the OSGi service that the workbench, the shell and plug-ins call
 * (plug-ins must not implement it): the rows of every kind ({@code ca}, {@code host}, {@code agent} and each
 * plug-in's kind), the warning thresholds per kind, the check that posts system messages, and change listeners.
 * Plug-ins add certificates by registering an {@link org.certbench.expiry.ExpiryContributor}; the renewal service
 * says which certificates it looks after through a {@link org.certbench.expiry.RenewalCoverage}. Certificates are
 * the crypto core's {@link org.certbench.crypto.Certificate}.
 * <p>
 * 1.1: {@link org.certbench.expiry.ExpiryOverview#warnings} answers "the certificates of this warning" (an
 * {@link org.certbench.expiry.ExpiryWarning} naming its {@link org.certbench.expiry.WarnedCertificate}s, what to do
 * and the command), so that notifications need not read the message keys themselves.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.certbench.expiry;
