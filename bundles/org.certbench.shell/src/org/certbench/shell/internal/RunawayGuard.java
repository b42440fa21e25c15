package org.certbench.shell.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.apache.felix.service.command.CommandSession;

/**
 * Stops a line that starts commands inside each other without end ({@code f = { f } ; f}). Gogo runs each
 * closure call on a thread of its own, so such a line never overflows a stack: it starts threads until the
 * machine gives out, printing nothing. While a line runs, this watches the number of live threads; past a bound
 * no sane line reaches, it closes the session, which interrupts every thread of the line.
 */
final class RunawayGuard implements AutoCloseable {

    /** Threads a line may add: a pipeline of a few commands adds a few, the runaway line thousands. */
    static final int MAX_THREADS = 512;
    private static final long LOOK_EVERY_MILLIS = 50;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final int before = threads.getThreadCount();
    private final Thread watcher;
    private volatile boolean stopped;

    RunawayGuard(CommandSession session) {
        watcher = Thread.ofPlatform().daemon().name("certbench-shell-runaway-guard") //$NON-NLS-1$
                .start(() -> watch(session));
    }

    private void watch(CommandSession session) {
        try {
            while (true) {
                Thread.sleep(LOOK_EVERY_MILLIS);
                if (threads.getThreadCount() - before > MAX_THREADS) {
                    stopped = true;
                    session.close();
                    return;
                }
            }
        } catch (InterruptedException e) {
            // the line ended: nothing to watch
        }
    }

    /** Whether the line was stopped; its session is closed then. */
    boolean stopped() {
        return stopped;
    }

    @Override
    public void close() {
        watcher.interrupt();
    }
}
