package org.certbench.agents.ui.internal;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.CsvAgentLine;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

/**
 * Imports the agent lines of a CSV file's preview in a Job that shows in the window's progress line and stops between
 * agents when cancelled; the view is told in words what was added (and what not, and why the first was not).
 */
final class AgentsImport implements ImportAgentsWizard.Importer {

    /** Told on a worker thread; the view moves the report to the UI thread itself. */
    interface Listener {
        void imported(String report);
    }

    private final AgentFleet fleet;
    private final Listener listener;

    AgentsImport(AgentFleet fleet, Listener listener) {
        this.fleet = fleet;
        this.listener = listener;
    }

    @Override
    public void start(Path csvFile, List<CsvAgentLine> lines) {
        Job.create(Messages.Import_job, monitor -> {
            BatchResult<AgentStatus> result = fleet.importLines(lines, new BatchProgress(monitor));
            listener.imported(report(csvFile, result));
            return canceled(result) > 0 ? Status.CANCEL_STATUS : Status.OK_STATUS;
        }).schedule();
    }

    static String report(Path csvFile, BatchResult<AgentStatus> result) {
        long added = result.results().stream().filter(AgentResult::succeeded).count();
        long canceled = canceled(result);
        String file = String.valueOf(csvFile.getFileName());
        if (canceled > 0) {
            return MessageFormat.format(Messages.Import_reportCanceled, file, Plural.agents((int) added), canceled);
        }
        long failed = result.results().size() - added;
        String report = MessageFormat.format(Messages.Import_report, file, Plural.agents((int) added), failed);
        return result.results().stream().filter(one -> one.outcome() == AgentResult.Outcome.FAILED).findFirst()
                .map(first -> report + " " + NLS.bind(Messages.Import_reportFirst, first.agent(), first.message())) //$NON-NLS-1$
                .orElse(report);
    }

    private static long canceled(BatchResult<AgentStatus> result) {
        return result.results().stream().filter(one -> one.outcome() == AgentResult.Outcome.CANCELED).count();
    }
}
