package org.certbench.agents.ui.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentStatus;

/**
 * What the virtual agents table shows: the inventory with the last status of each agent, filtered and
 * sorted into an array read by index, so 10,000 agents cost only the rows on screen.
 */
final class AgentTableModel {

    private List<AgentEntry> entries = List.of();
    private final Map<String, AgentStatus> statuses = new HashMap<>();
    private String filter = ""; //$NON-NLS-1$
    private AgentColumn sortColumn = AgentColumn.NAME;
    private boolean ascending = true;
    private AgentRow[] visible = new AgentRow[0];

    void setEntries(List<AgentEntry> inventory) {
        entries = inventory;
        update();
    }

    void setStatuses(Collection<AgentStatus> fresh) {
        fresh.forEach(status -> statuses.put(status.agent().name(), status));
        update();
    }

    void setFilter(String text) {
        filter = text.strip().toLowerCase(Locale.ROOT);
        update();
    }

    void sortBy(AgentColumn column) {
        ascending = column != sortColumn || !ascending;
        sortColumn = column;
        update();
    }

    boolean ascending() {
        return ascending;
    }

    int size() {
        return visible.length;
    }

    int total() {
        return entries.size();
    }

    AgentRow get(int index) {
        return visible[index];
    }

    private void update() {
        Comparator<AgentRow> order = sortColumn.order();
        visible = entries.stream()
                .map(entry -> new AgentRow(entry, statuses.get(entry.name())))
                .filter(this::matches)
                .sorted(ascending ? order : order.reversed())
                .toArray(AgentRow[]::new);
    }

    private boolean matches(AgentRow row) {
        if (filter.isEmpty()) {
            return true;
        }
        for (AgentColumn column : AgentColumn.values()) {
            if (column.text.apply(row).toLowerCase(Locale.ROOT).contains(filter)) {
                return true;
            }
        }
        return false;
    }
}
