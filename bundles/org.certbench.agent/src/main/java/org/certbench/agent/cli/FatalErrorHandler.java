package org.certbench.agent.cli;

import org.certbench.agent.AgentLog;

/**
 * Serve or exit: in the agent program ({@code run}), an {@link Error} in any thread (out of memory, a stack
 * overflow, a broken class) leaves the agent in a state nobody can vouch for, so the process ends with
 * {@link #EXIT_FATAL} and a log line, and the service manager starts it afresh. An exception in one thread
 * (one connection) is logged and ends that thread only.
 */
final class FatalErrorHandler implements Thread.UncaughtExceptionHandler {

    /** {@code EX_SOFTWARE} of sysexits.h: not 0, so systemd's {@code Restart=on-failure} restarts the agent. */
    static final int EXIT_FATAL = 70;

    private final AgentLog log;

    FatalErrorHandler(AgentLog log) {
        this.log = log;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        if (failure instanceof Error) {
            try {
                log.error("LOG_FATAL", thread.getName(), String.valueOf(failure));
            } catch (Throwable logFailed) {
                // out of memory may fail the log line too; the exit must not depend on it
            }
            Runtime.getRuntime().halt(EXIT_FATAL);
        }
        try {
            log.warn("LOG_THREAD_FAILED", thread.getName(), String.valueOf(failure));
        } catch (RuntimeException logFailed) {
            // nothing more to do for a thread that has ended
        }
    }
}
