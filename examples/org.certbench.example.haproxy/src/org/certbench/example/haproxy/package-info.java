/**
 * The HAProxy example's own API, for its UI bundle and for anyone who wants to show what HAProxy serves:
 * {@link org.certbench.example.haproxy.HaproxyMonitor} (an OSGi service) and its
 * {@link org.certbench.example.haproxy.HaproxyFrontend} lines. The target itself is a
 * {@code org.certbench.host.ServiceTarget} service in the internal package: CertBench finds it by its interface.
 */
package org.certbench.example.haproxy;
