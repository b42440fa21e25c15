/**
 * Renewal: when a certificate CertBench manages is due, and the policy per kind (agent, host) that says which
 * issuer renews it, when, and whether with a new key.
 * <p>
 * {@link org.certbench.renewal.RenewalPolicies} is a service CertBench provides; other features ask it whether a
 * certificate is covered by a policy ({@link org.certbench.renewal.Coverage}), so that, for one, expiry warnings
 * stay quiet while renewal is expected to take care of a certificate.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.certbench.renewal;
