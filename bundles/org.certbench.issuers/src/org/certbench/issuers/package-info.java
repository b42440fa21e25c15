/**
 * Issuers: the certificate authorities CertBench asks to sign the certificate signing requests of agents and of
 * this host's services, without a person carrying files.
 * <p>
 * A plug-in contributes an issuer by registering an {@link org.certbench.issuers.Issuer} OSGi service (the
 * built-in ones are {@code local}, CertBench's own CA, and the {@code command} issuers that run a program the
 * home's owner configured). Consumers find issuers through the {@link org.certbench.issuers.Issuers} service,
 * which CertBench provides and plug-ins must not implement.
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.certbench.issuers;
