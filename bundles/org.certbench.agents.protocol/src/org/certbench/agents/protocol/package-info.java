/**
 * The wire protocol between the CertBench console and its agents: versioned JSON over HTTPS on the
 * agent's TLS port, with mutual TLS. {@link org.certbench.agents.protocol.Endpoint} lists the calls,
 * the records beside it are their requests and responses (each with {@code toJson} and
 * {@code fromJson}), and {@link org.certbench.agents.protocol.ErrorResponse} is the error shape the API
 * and the agent's command line share. {@link org.certbench.agents.protocol.Json} is the small strict JSON
 * reader and writer they use. Plain Java without OSGi types: the agent program uses it outside OSGi. The
 * package {@code org.certbench.agents.protocol.internal} is not API.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.certbench.agents.protocol;
