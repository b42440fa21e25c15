/**
 * The CA trust store: the CA certificates that outbound TLS is verified against.
 * <p>
 * {@link org.certbench.truststore.TrustStore} (check, import, list, export, delete, reload; the expiry check is {@code org.certbench.expiry}'s) and
 * {@link org.certbench.truststore.OutboundTls} (every connection of CertBench to the outside world) are OSGi
 * services that UI, shell and plug-ins call; plug-ins must not implement them. Certificates are identified by
 * their SHA-256 fingerprint in lower-case hex without separators ({@link org.certbench.truststore.CaEntry#id()});
 * wherever an id is asked for, a unique prefix is enough and colons are ignored.
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.certbench.truststore;
