package org.certbench.agents.connector.internal;

import java.time.Clock;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.connector.TrustState;

/** What the fleet's operations share: the inventory, the connections, the batch runner and the clock. */
record FleetParts(Inventory inventory, AgentStore store, AgentConnector connector, BatchRunner runner, Clock clock) {

    /** The live status of one agent; unreachable is a status, not an error. */
    AgentStatus status(AgentEntry agent) throws FleetException {
        try {
            AgentConnector.Handshake handshake = connector.handshake(agent);
            TrustDecision decision = handshake.decision();
            return new AgentStatus(agent, decision.state(), handshake.certificate(), decision.reason(),
                    decision.warning());
        } catch (AgentCallException e) {
            return new AgentStatus(agent, TrustState.UNREACHABLE, null, e.getMessage(), null);
        }
    }
}
