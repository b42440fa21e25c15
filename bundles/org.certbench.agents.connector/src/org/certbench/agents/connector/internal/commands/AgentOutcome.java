package org.certbench.agents.connector.internal.commands;

import java.util.List;
import java.util.function.Function;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.internal.Messages;
import org.certbench.core.TextBundle;
import org.certbench.core.commands.BatchFailedException;
import org.eclipse.osgi.util.NLS;

/**
 * A line of a batch command's result: the agent, {@code ok} / {@code failed} / {@code cancelled}, and what
 * was done or why not.
 */
public record AgentOutcome(String agent, String result, String detail) {

    // what scripts compare (--json): identifiers, not words to translate
    private static final String OK = "ok"; //$NON-NLS-1$
    private static final String FAILED = "failed"; //$NON-NLS-1$
    private static final String CANCELLED = "cancelled"; //$NON-NLS-1$

    /**
     * The lines of a batch; if any agent failed or was not run, a {@link BatchFailedException} whose message
     * holds every line (the shell prints the message and exits non-zero; with --json the lines on stdout too).
     */
    static <T> List<AgentOutcome> of(BatchResult<T> batch, Function<T, String> describe, String what) {
        List<AgentOutcome> lines = batch.results().stream().map(result -> line(result, describe)).toList();
        if (!batch.allSucceeded()) {
            StringBuilder message = new StringBuilder();
            message.append(TextBundle.fill(Messages.Command_batchFailed, what, batch.toRetry().size(),
                    batch.results().size()));
            lines.forEach(line -> message.append(System.lineSeparator()).append(NLS.bind(Messages.Command_batchLine,
                    new Object[] { line.agent(), line.result(), line.detail() })));
            batch.notices().forEach(notice -> message.append(System.lineSeparator())
                    .append(NLS.bind(Messages.Command_batchNote, notice)));
            throw new BatchFailedException(message.toString(), lines);
        }
        return lines;
    }

    private static <T> AgentOutcome line(AgentResult<T> result, Function<T, String> describe) {
        return switch (result.outcome()) {
            case SUCCEEDED -> {
                String detail = describe.apply(result.value());
                yield new AgentOutcome(result.agent(), OK,
                        result.message() == null ? detail : NLS.bind(Messages.Command_withNote, detail, result.message()));
            }
            case FAILED -> new AgentOutcome(result.agent(), FAILED, result.message());
            case CANCELED -> new AgentOutcome(result.agent(), CANCELLED, result.message());
        };
    }
}
