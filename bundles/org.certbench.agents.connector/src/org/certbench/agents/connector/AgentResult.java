package org.certbench.agents.connector;

/**
 * The outcome of a batch operation for one agent.
 *
 * @param value   what the operation produced; {@code null} unless {@link Outcome#SUCCEEDED}
 * @param message why it failed or was not done, in words; for a success, an optional note (may be
 *                {@code null})
 */
public record AgentResult<T>(String agent, Outcome outcome, T value, String message) {

    public enum Outcome {
        SUCCEEDED, FAILED,
        /** Not started because the batch was cancelled; a retry runs it. */
        CANCELED
    }

    public static <T> AgentResult<T> succeeded(String agent, T value, String note) {
        return new AgentResult<>(agent, Outcome.SUCCEEDED, value, note);
    }

    public static <T> AgentResult<T> failed(String agent, String message) {
        return new AgentResult<>(agent, Outcome.FAILED, null, message);
    }

    public static <T> AgentResult<T> canceled(String agent, String message) {
        return new AgentResult<>(agent, Outcome.CANCELED, null, message);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }
}
