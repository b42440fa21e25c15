package org.certbench.agents.connector.internal.commands;

import java.util.List;
import java.util.function.Function;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.BatchResult;
import org.certbench.core.commands.CommandException;

/**
 * A line of a batch command's result: the agent, {@code ok} / {@code failed} / {@code cancelled}, and what
 * was done or why not.
 */
public record AgentOutcome(String agent, String result, String detail) {

    /**
     * The lines of a batch; if any agent failed or was not run, a {@link CommandException} whose message
     * holds every line (the shell prints the message and exits non-zero).
     */
    static <T> List<AgentOutcome> of(BatchResult<T> batch, Function<T, String> describe, String what) {
        List<AgentOutcome> lines = batch.results().stream().map(result -> line(result, describe)).toList();
        if (!batch.allSucceeded()) {
            StringBuilder message = new StringBuilder();
            message.append(what).append(": ").append(batch.toRetry().size()).append(" of ")
                    .append(batch.results().size()).append(" agents failed or were not run");
            lines.forEach(line -> message.append(System.lineSeparator()).append("  ").append(line.agent())
                    .append(": ").append(line.result()).append(" - ").append(line.detail()));
            batch.notices().forEach(notice -> message.append(System.lineSeparator()).append("  note: ").append(notice));
            throw new CommandException(message.toString());
        }
        return lines;
    }

    private static <T> AgentOutcome line(AgentResult<T> result, Function<T, String> describe) {
        return switch (result.outcome()) {
            case SUCCEEDED -> {
                String detail = describe.apply(result.value());
                yield new AgentOutcome(result.agent(), "ok",
                        result.message() == null ? detail : detail + " (" + result.message() + ")");
            }
            case FAILED -> new AgentOutcome(result.agent(), "failed", result.message());
            case CANCELED -> new AgentOutcome(result.agent(), "cancelled", result.message());
        };
    }
}
