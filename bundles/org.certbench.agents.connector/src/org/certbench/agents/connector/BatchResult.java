package org.certbench.agents.connector;

import java.util.List;

/**
 * The result of an operation over several agents: one {@link AgentResult} per agent, in the order the
 * agents were given, and notices that concern no single agent (such as a file in a certificate directory
 * that could not be read).
 */
public record BatchResult<T>(List<AgentResult<T>> results, List<String> notices) {

    /** Copies the lists, so the result stays unchanged; neither may be {@code null}. */
    public BatchResult {
        results = List.copyOf(results);
        notices = List.copyOf(notices);
    }

    /** {@return whether every agent succeeded (also for an empty batch)} */
    public boolean allSucceeded() {
        return results.stream().allMatch(AgentResult::succeeded);
    }

    /** {@return whether the batch was cancelled before every agent's part was done} */
    public boolean wasCanceled() {
        return results.stream().anyMatch(result -> result.outcome() == AgentResult.Outcome.CANCELED);
    }

    /** {@return the results that failed, in batch order; empty when none did} */
    public List<AgentResult<T>> failed() {
        return results.stream().filter(result -> result.outcome() == AgentResult.Outcome.FAILED).toList();
    }

    /** The successful results' values. */
    public List<T> values() {
        return results.stream().filter(AgentResult::succeeded).map(AgentResult::value).toList();
    }

    /** The agents that failed or were not run (cancelled): give them to the same operation to retry only those. */
    public List<String> toRetry() {
        return results.stream().filter(result -> !result.succeeded()).map(AgentResult::agent).toList();
    }
}
