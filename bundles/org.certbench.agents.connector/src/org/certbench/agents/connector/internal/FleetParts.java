package org.certbench.agents.connector.internal;

import java.time.Clock;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.connector.TrustState;

/**
 * What the fleet's operations share: the inventory, the connections, the batch runner, the clock, and what each
 * agent presented last.
 */
record FleetParts(Inventory inventory, AgentStore store, AgentConnector connector, BatchRunner runner, Clock clock,
        LastSeen lastSeen) {

    /**
     * The live status of one agent; unreachable is a status, not an error. What it presented is recorded for
     * {@link LastSeen} (written at the caller's {@link LastSeen#flush}).
     *
     * @throws AgentCallException {@code CANCELED} only, when a batch's cancel cut the handshake: the agent keeps the
     *                            status it had
     */
    AgentStatus status(AgentEntry agent) throws AgentCallException, FleetException {
        try {
            AgentConnector.Handshake handshake = connector.handshake(agent);
            if (handshake.certificate() != null) {
                lastSeen.record(agent.name(), handshake.certificate(), clock.instant());
            }
            TrustDecision decision = handshake.decision();
            return new AgentStatus(agent, decision.state(), handshake.certificate(), decision.reason(),
                    decision.warning());
        } catch (AgentCallException e) {
            if (e.kind() == AgentCallException.Kind.CANCELED) {
                throw e;
            }
            return new AgentStatus(agent, TrustState.UNREACHABLE, null, e.getMessage(), null);
        }
    }
}
