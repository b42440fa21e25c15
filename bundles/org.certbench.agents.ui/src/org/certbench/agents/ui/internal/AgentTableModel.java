package org.certbench.agents.ui.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.ui.TableRows;

/**
 * What the virtual agents table shows: the inventory joined with the last status of each agent, filtered (any
 * column) and sorted by {@link TableRows}.
 */
final class AgentTableModel {

    private List<AgentEntry> entries = List.of();
    private final Map<String, AgentStatus> statuses = new HashMap<>();
    private final Map<String, String> renewalDue = new HashMap<>();
    private final TableRows<AgentRow, AgentColumn> rows = new TableRows<>(AgentColumn.NAME, AgentColumn::order,
            AgentTableModel::matches);

    void setEntries(List<AgentEntry> inventory) {
        entries = inventory;
        join();
    }

    /** Whether a status was fetched for the agent as {@code entry} has it (not for an older host or pin). */
    boolean hasStatusOf(AgentEntry entry) {
        AgentStatus status = statuses.get(entry.name());
        return status != null && status.agent().equals(entry);
    }

    void setStatuses(Collection<AgentStatus> fresh) {
        setStatuses(fresh, Map.of());
    }

    /** Fresh statuses with the renewal due texts computed for them in the same Job. */
    void setStatuses(Collection<AgentStatus> fresh, Map<String, String> due) {
        fresh.forEach(status -> {
            statuses.put(status.agent().name(), status);
            renewalDue.put(status.agent().name(), due.getOrDefault(status.agent().name(), "")); //$NON-NLS-1$
        });
        join();
    }

    void setFilter(String text) {
        rows.setFilter(text);
    }

    void sortBy(AgentColumn column) {
        rows.sortBy(column);
    }

    boolean ascending() {
        return rows.ascending();
    }

    int size() {
        return rows.size();
    }

    int total() {
        return rows.total();
    }

    AgentRow get(int index) {
        return rows.get(index);
    }

    private void join() {
        rows.setAll(entries.stream().map(entry -> new AgentRow(entry, statuses.get(entry.name()),
                renewalDue.getOrDefault(entry.name(), ""))).toList()); //$NON-NLS-1$
    }

    private static boolean matches(AgentRow row, String filter) {
        for (AgentColumn column : AgentColumn.values()) {
            if (column.text.apply(row).toLowerCase(Locale.ROOT).contains(filter)) {
                return true;
            }
        }
        return false;
    }
}
