package org.certbench.agents.connector;

import java.util.List;

/**
 * The result of an operation over several agents: one {@link AgentResult} per agent, in the order the
 * agents were given, and notices that concern no single agent (such as a file in a certificate directory
 * that could not be read).
 */
public record BatchResult<T>(List<AgentResult<T>> results, List<String> notices) {

    public BatchResult {
        results = List.copyOf(results);
        notices = List.copyOf(notices);
    }

    public boolean allSucceeded() {
        return results.stream().allMatch(AgentResult::succeeded);
    }

    public boolean wasCanceled() {
        return results.stream().anyMatch(result -> result.outcome() == AgentResult.Outcome.CANCELED);
    }

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
