/**
 * The console side of agent certificate management: the fleet of agents this console manages.
 * <p>
 * {@link org.certbench.agents.connector.AgentFleet} is the OSGi service that UI, shell and plug-ins call;
 * plug-ins must not implement it. Agents are known by their name (unique, case-sensitive). Every status is
 * decided by a live TLS handshake, never from a cache; what each agent presented at its last one is kept
 * ({@link org.certbench.agents.connector.AgentFleet#lastSeen()}) for overviews that must not contact thousands. Operations over several agents run concurrently and
 * report through a {@link org.certbench.agents.connector.BatchMonitor} (progress and cancellation, no
 * OSGi or Eclipse types) and answer a {@link org.certbench.agents.connector.BatchResult} with one
 * {@link org.certbench.agents.connector.AgentResult} per agent; passing
 * {@link org.certbench.agents.connector.BatchResult#toRetry()} to the same operation retries the failed
 * ones only. Certificates are the crypto core's {@link org.certbench.crypto.Certificate}, whose
 * {@code summary()} gives what a view shows.
 */
@org.osgi.annotation.versioning.Version("1.6.0")
package org.certbench.agents.connector;
