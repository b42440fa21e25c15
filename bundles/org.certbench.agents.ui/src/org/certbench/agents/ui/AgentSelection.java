package org.certbench.agents.ui;

import java.util.List;
import java.util.Map;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentStatus;

/**
 * The agents selected in the Agents view, as the view publishes them (the active selection of its part): the
 * inventory entries in table order, and the status of the last refresh of those that have one.
 *
 * @param agents   the selected agents, in table order; empty when nothing is selected
 * @param statuses the last status of each selected agent that was refreshed, by agent name
 */
public record AgentSelection(List<AgentEntry> agents, Map<String, AgentStatus> statuses) {

    /** An empty selection. */
    public static final AgentSelection NONE = new AgentSelection(List.of(), Map.of());

    /** Copies both, so the selection stays as it was published; neither may be {@code null}. */
    public AgentSelection {
        agents = List.copyOf(agents);
        statuses = Map.copyOf(statuses);
    }

    /** {@return whether no agent is selected} */
    public boolean isEmpty() {
        return agents.isEmpty();
    }

    /** {@return the names of the selected agents, in table order} */
    public List<String> names() {
        return agents.stream().map(AgentEntry::name).toList();
    }
}
