package org.certbench.agents.connector;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Progress and cancellation of an operation over several agents, free of OSGi and Eclipse types: a UI maps
 * {@link #begin} to {@code SubMonitor.setWorkRemaining} and {@link #agentDone} to {@code worked(1)}, and
 * {@link #isCanceled()} to the monitor's.
 * <p>
 * The methods are called from the operation's worker threads, but never two at a time, so an
 * implementation needs no locking of its own. A cancelled batch starts no further agent, and cuts the agents being
 * worked on: their connections are closed at once, and they are reported {@link AgentResult.Outcome#CANCELED}
 * like the agents not started, their status unchanged (a handshake the cancel cut does not make an agent
 * unreachable). An agent that was already sent a change (a certificate to apply, a key switch to confirm or roll
 * back) is not cut: its step finishes, as without the cancel, and its result is real (a half-applied certificate is
 * worse than a late cancel).
 */
@ConsumerType
public interface BatchMonitor {

    /** A monitor that reports nothing and never cancels. */
    BatchMonitor NONE = new BatchMonitor() {
    };

    /** Called once, before the first agent, with the number of agents. */
    default void begin(int agents) {
    }

    /** Called once per agent as soon as its result is known (in completion order, not selection order). */
    default void agentDone(AgentResult<?> result) {
    }

    /** Asked before each agent starts and, while agents are worked on, every few tens of milliseconds. */
    default boolean isCanceled() {
        return false;
    }
}
