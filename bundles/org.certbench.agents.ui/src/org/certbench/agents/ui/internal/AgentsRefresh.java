package org.certbench.agents.ui.internal;

import java.util.List;
import java.util.Map;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.BatchResult;
import org.certbench.issuers.Issuers;
import org.certbench.renewal.RenewalPolicies;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Asks agents for their certificates in a Job that shows in the window's progress line and stops at once when
 * cancelled (the agents being asked are cut and, like those not asked, keep their last status); what was fetched
 * before the cancel is shown all the same.
 */
final class AgentsRefresh {

    /** What a refresh brought: the inventory as it is now, the statuses fetched, and how many agents were not asked. */
    record Refreshed(List<AgentEntry> inventory, List<AgentStatus> statuses, Map<String, String> renewalDue,
            int asked, int notDone) {
    }

    /** Told on a worker thread; the view moves the result to the UI thread itself. */
    interface Listener {
        void refreshed(Refreshed result);
    }

    private final AgentFleet fleet;
    private final RenewalPolicies renewalPolicies;
    private final Issuers issuers;
    private final Listener listener;

    AgentsRefresh(AgentFleet fleet, RenewalPolicies renewalPolicies, Issuers issuers, Listener listener) {
        this.fleet = fleet;
        this.renewalPolicies = renewalPolicies;
        this.issuers = issuers;
        this.listener = listener;
    }

    /** Every agent of the inventory. */
    Job all() {
        return of(fleet.list().stream().map(AgentEntry::name).toList());
    }

    /** {@return the Job, scheduled, that refreshes these agents} */
    Job of(List<String> names) {
        Job job = Job.create(Messages.Job_refresh, monitor -> {
            BatchResult<AgentStatus> result = fleet.refresh(names, new BatchProgress(monitor));
            List<AgentEntry> now = fleet.list();
            Map<String, String> due = new RenewalDueText(renewalPolicies, issuers).of(result.values());
            int notDone = (int) result.results().stream()
                    .filter(one -> one.outcome() == org.certbench.agents.connector.AgentResult.Outcome.CANCELED)
                    .count();
            listener.refreshed(new Refreshed(now, result.values(), due, names.size(), notDone));
            return notDone > 0 ? Status.CANCEL_STATUS : Status.OK_STATUS;
        });
        job.schedule();
        return job;
    }
}
