/**
 * The ACME issuer (RFC 8555): host certificates from any ACME CA (Let's Encrypt, smallstep step-ca, Vault PKI,
 * EJBCA), proven by {@code http-01} through a web root or a standalone listener. Configured ACME issuers are
 * {@link org.certbench.issuers.Issuer} services, listed by {@link org.certbench.issuers.Issuers} like any other.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.certbench.issuers.acme;
