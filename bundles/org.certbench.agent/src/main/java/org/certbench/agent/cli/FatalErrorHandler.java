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
    private static final long LOG_GRACE_MILLIS = 2_000;

    private final AgentLog log;

    FatalErrorHandler(AgentLog log) {
        this.log = log;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        if (failure instanceof Error) {
            // the exit must not depend on the log line: out of memory may fail it, a full pipe may block it
            try {
                Thread.ofPlatform().daemon(true).start(() -> {
                    try {
                        Thread.sleep(LOG_GRACE_MILLIS);
                    } catch (InterruptedException e) {
                        // halt now then
                    }
                    Runtime.getRuntime().halt(EXIT_FATAL);
                });
            } catch (Throwable noThread) {
                // no thread to spare: the line below is tried, then the halt
            }
            try {
                log.error("LOG_FATAL", thread.getName(), String.valueOf(failure));
            } catch (Throwable logFailed) {
                // exiting anyway
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
