package org.certbench.agents.connector;

/**
 * The outcome of a batch operation for one agent.
 *
 * @param value   what the operation produced; {@code null} unless {@link Outcome#SUCCEEDED}
 * @param message why it failed or was not done, in words; for a success, an optional note (may be
 *                {@code null})
 */
public record AgentResult<T>(String agent, Outcome outcome, T value, String message) {

    /** How one agent's part of a batch ended. */
    public enum Outcome {
        /** The agent did it; {@link AgentResult#value()} holds its answer. */
        SUCCEEDED,
        /** The agent did not; {@link AgentResult#message()} says why, in words. */
        FAILED,
        /**
         * Not done because the batch was cancelled: not started, or cut before anything was changed on the agent
         * ({@link AgentResult#message()} says which); a retry runs it.
         */
        CANCELED
    }

    /**
     * {@return a success of this agent with its answer} {@code note} is an optional remark for the administrator
     * ({@code null}: none).
     */
    public static <T> AgentResult<T> succeeded(String agent, T value, String note) {
        return new AgentResult<>(agent, Outcome.SUCCEEDED, value, note);
    }

    /**
     * {@return a failure of this agent; its value is {@code null}} {@code message} says why, in words an administrator
     * can act on.
     */
    public static <T> AgentResult<T> failed(String agent, String message) {
        return new AgentResult<>(agent, Outcome.FAILED, null, message);
    }

    /** {@return an agent's part not started because the batch was cancelled; its value is {@code null}} */
    public static <T> AgentResult<T> canceled(String agent, String message) {
        return new AgentResult<>(agent, Outcome.CANCELED, null, message);
    }

    /** {@return whether the outcome is {@link Outcome#SUCCEEDED}} */
    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }
}
