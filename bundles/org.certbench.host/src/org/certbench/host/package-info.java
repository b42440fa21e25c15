/**
 * Host certificates: the certificates of the services on this host that remote clients connect to.
 * <p>
 * {@link org.certbench.host.HostCertificates} is the OSGi service that UI, shell and plug-ins call: it generates
 * a self-signed certificate for this host or checks an uploaded certificate and key, and applies either to a
 * {@link org.certbench.host.ServiceTarget}. Applying writes the files atomically, asks the service to reload,
 * and confirms by a TLS handshake that the new certificate is served; otherwise the previous pair is put back.
 * <p>
 * A plug-in adds another service by registering a {@link org.certbench.host.ServiceTarget} as an OSGi service;
 * {@link org.certbench.host.PairFiles} writes and restores its files. Each target's settings live in
 * {@code <home>/host/<id>.properties} and are changed through {@link org.certbench.host.HostCertificates#configure}
 * (the preferences page, {@code host:configure ID KEY=VALUE…}).
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.certbench.host;
