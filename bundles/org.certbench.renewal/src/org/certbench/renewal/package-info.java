/**
 * Renewal: when a certificate CertBench manages is due, and the policy per kind (agent, host) that says which
 * issuer renews it, when, and whether with a new key.
 * <p>
 * {@link org.certbench.renewal.RenewalPolicies} is a service CertBench provides; other features ask it whether a
 * certificate is covered by a policy ({@link org.certbench.renewal.Coverage}), so that, for one, expiry warnings
 * stay quiet while renewal is expected to take care of a certificate.
 * <p>
 * {@link org.certbench.renewal.HostRenewer} renews a host service's certificate through an issuer now; an issuer
 * that needs challenges answered gets its responder from a {@link org.certbench.renewal.ChallengeResponders}
 * service a plug-in registers.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.certbench.renewal;
