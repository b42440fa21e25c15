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

/**
 * Imports the agent lines of a CSV file's preview in a Job that shows in the window's progress line and stops between
 * agents when cancelled; the view is told in words what was added, and every line not added with its whole reason
 * (a reason such as a refused connection is longer than a line below a table has room for).
 */
final class AgentsImport implements ImportAgentsWizard.Importer {

    /** Told on a worker thread; the view moves the report to the UI thread itself. */
    interface Listener {
        void imported(Report report);
    }

    /**
     * @param summary  the counts, short enough for the line below the table
     * @param problems each line that failed, its reason in words (naming its agent or its line), in the file's order
     */
    record Report(String summary, List<String> problems) {
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

    static Report report(Path csvFile, BatchResult<AgentStatus> result) {
        long added = result.results().stream().filter(AgentResult::succeeded).count();
        long canceled = canceled(result);
        String file = String.valueOf(csvFile.getFileName());
        List<String> problems = result.results().stream()
                .filter(one -> one.outcome() == AgentResult.Outcome.FAILED).map(AgentResult::message).toList();
        if (canceled > 0) {
            return new Report(MessageFormat.format(Messages.Import_reportCanceled, file, Plural.agents((int) added),
                    canceled), problems);
        }
        long failed = result.results().size() - added;
        return new Report(MessageFormat.format(Messages.Import_report, file, Plural.agents((int) added), failed),
                problems);
    }

    private static long canceled(BatchResult<AgentStatus> result) {
        return result.results().stream().filter(one -> one.outcome() == AgentResult.Outcome.CANCELED).count();
    }
}
