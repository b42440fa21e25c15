package org.certbench.agents.protocol;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines for whole exchanges on a connection: a TLS handshake, a request, a management call. A socket's
 * read timeout bounds each read, not the whole, so a peer that sends one byte just before every timeout would
 * hold the connection (and a thread, and buffers) as long as it likes. When a deadline passes, the connection
 * is closed, and the thread blocked on it gets an exception at once. Close the plain socket under a TLS
 * socket: closing the TLS socket itself may wait for a lock that the blocked reader holds.
 * <p>
 * One daemon thread serves every connection of the process, agents and console alike.
 */
public final class ConnectionDeadlines {

    private ConnectionDeadlines() {
    }

    /** The timer thread, started with the first deadline. */
    private static final class Timer {
        static final ScheduledThreadPoolExecutor EXECUTOR = executor();

        private static ScheduledThreadPoolExecutor executor() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                    task -> Thread.ofPlatform().daemon(true).name("certbench-connection-deadlines").unstarted(task));
            // most deadlines are met and cancelled: keep the queue as small as the open connections
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }

    /**
     * Closes {@code connection} when {@code timeout} has passed, unless the returned deadline is closed before.
     */
    public static Deadline start(Closeable connection, Duration timeout) {
        Deadline deadline = new Deadline(connection);
        deadline.task = Timer.EXECUTOR.schedule(deadline::expire, Math.max(1, timeout.toMillis()),
                TimeUnit.MILLISECONDS);
        return deadline;
    }

    /** One running deadline; {@link #close()} when the exchange it bounds is done. */
    public static final class Deadline implements AutoCloseable {

        private final Closeable connection;
        private volatile ScheduledFuture<?> task;
        private volatile boolean expired;

        private Deadline(Closeable connection) {
            this.connection = connection;
        }

        private void expire() {
            expired = true;
            try {
                connection.close();
            } catch (IOException | RuntimeException e) {
                // a connection that cannot even be closed is gone as far as its reader is concerned
            } catch (Error e) {
                // the timer's task would swallow it: the program's handler decides (the agent exits)
                Thread.UncaughtExceptionHandler handler = Thread.getDefaultUncaughtExceptionHandler();
                if (handler != null) {
                    handler.uncaughtException(Thread.currentThread(), e);
                }
                throw e;
            }
        }

        /** Whether the deadline passed and closed the connection: the reason for the failure its reader saw. */
        public boolean expired() {
            return expired;
        }

        /** The exchange is done in time: the connection stays open. */
        @Override
        public void close() {
            ScheduledFuture<?> scheduled = task;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
