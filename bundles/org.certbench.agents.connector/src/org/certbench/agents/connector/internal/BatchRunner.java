package org.certbench.agents.connector.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.FleetException;
import org.eclipse.osgi.util.NLS;

/**
 * Runs one task per item on virtual threads, at most {@code parallelism} at a time, with a result per item
 * in the items' order. The monitor is called under a lock (never two callbacks at once) and asked for
 * cancellation before each item starts and, while items run, every {@link #CANCEL_POLL_MILLIS} ms. When it
 * cancels, items not started are reported cancelled, and items under way are cut ({@link Cancellation}): their
 * connections are closed and they are reported cancelled too, unless they had committed a change to their agent,
 * which then finishes.
 */
final class BatchRunner {

    @FunctionalInterface
    interface Task<I, T> {
        /** Throws {@link AgentCallException} or {@link FleetException} for a failure told in words. */
        AgentResult<T> run(I item) throws AgentCallException, FleetException;
    }

    /** What the monitor is told: every result, or none when a later phase of the same batch reports. */
    enum Reporting {
        EACH_RESULT, SILENT
    }

    /**
     * How often a running batch asks its monitor whether it is cancelled: a progress monitor has no callback, and
     * a cancel must reach the agents under way about as soon as it is pressed.
     */
    static final long CANCEL_POLL_MILLIS = 50;

    private final int parallelism;

    BatchRunner(int parallelism) {
        this.parallelism = parallelism;
    }

    <I, T> BatchResult<T> run(List<I> items, Function<I, String> label, MonitorRelay monitor, Reporting reporting,
            Task<I, T> task) {
        List<AgentResult<T>> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            results.add(null);
        }
        Semaphore permits = new Semaphore(parallelism);
        CountDownLatch finished = new CountDownLatch(items.size());
        Cancellation cancellation = new Cancellation(monitor::isCanceled);
        for (int i = 0; i < items.size(); i++) {
            I item = items.get(i);
            int index = i;
            if (!acquire(permits, monitor, cancellation)) {
                AgentResult<T> canceled = AgentResult.canceled(label.apply(item), Messages.Batch_canceled);
                results.set(index, canceled);
                report(monitor, reporting, canceled);
                finished.countDown();
                continue;
            }
            Cancellation.Step step = cancellation.start();
            Thread.ofVirtual().name("certbench-agents-batch").start(() -> { //$NON-NLS-1$
                try {
                    AgentResult<T> result = runOne(task, item, label.apply(item), step);
                    synchronized (results) {
                        results.set(index, result);
                    }
                    report(monitor, reporting, result);
                } finally {
                    cancellation.finish(step);
                    permits.release();
                    finished.countDown();
                }
            });
        }
        awaitAll(finished, monitor, cancellation);
        synchronized (results) {
            return new BatchResult<>(results, List.of());
        }
    }

    private static <I, T> AgentResult<T> runOne(Task<I, T> task, I item, String label, Cancellation.Step step) {
        step.enter();
        try {
            return task.run(item);
        } catch (AgentCallException | FleetException e) {
            // a failure the cut caused (its connection closed under it) is no failure of the agent's: nothing was
            // changed on it, and its status must not say unreachable; any other failure keeps its own words, a cut
            // that came meanwhile or not (an issuer's refusal, a rejected certificate)
            return step.wasCut() && causedByCut(e) ? AgentResult.canceled(label, Messages.Batch_canceledUnderWay)
                    : AgentResult.failed(label, e.getMessage());
        } catch (RuntimeException e) {
            // a bug must cost one agent's result, not the whole batch and its other results
            return AgentResult.failed(label, NLS.bind(Messages.Batch_internalError, e));
        } finally {
            step.leave();
        }
    }

    private static boolean causedByCut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AgentCallException call && call.kind() == AgentCallException.Kind.CANCELED) {
                return true;
            }
        }
        return false;
    }

    private static void report(MonitorRelay monitor, Reporting reporting, AgentResult<?> result) {
        if (reporting == Reporting.EACH_RESULT) {
            monitor.done(result);
        }
    }

    /**
     * Waits for a free slot, asking for cancellation meanwhile; false when cancelled (or interrupted), and then the
     * items under way are cut.
     */
    private static boolean acquire(Semaphore permits, MonitorRelay monitor, Cancellation cancellation) {
        while (true) {
            if (cancellation.isCanceled() || monitor.isCanceled()) {
                cancellation.cancel();
                return false;
            }
            try {
                if (permits.tryAcquire(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (monitor.isCanceled()) {
                        permits.release();
                        cancellation.cancel();
                        return false;
                    }
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancellation.cancel();
                return false;
            }
        }
    }

    /**
     * Waits for every item to end, asking for cancellation meanwhile: a cancel (or an interrupt) cuts the items
     * under way, and those that committed a change are still waited for, rather than abandoned half-way; the
     * interrupt is kept for the caller.
     */
    private static void awaitAll(CountDownLatch finished, MonitorRelay monitor, Cancellation cancellation) {
        boolean interrupted = false;
        while (true) {
            try {
                if (finished.await(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    break;
                }
                if (!cancellation.isCanceled() && monitor.isCanceled()) {
                    cancellation.cancel();
                }
            } catch (InterruptedException e) {
                interrupted = true;
                cancellation.cancel();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The caller's {@link BatchMonitor}, called by one thread at a time. */
    static final class MonitorRelay {

        private final BatchMonitor monitor;
        private final ReentrantLock lock = new ReentrantLock();

        MonitorRelay(BatchMonitor monitor) {
            this.monitor = monitor == null ? BatchMonitor.NONE : monitor;
        }

        void begin(int agents) {
            lock.lock();
            try {
                monitor.begin(agents);
            } finally {
                lock.unlock();
            }
        }

        void done(AgentResult<?> result) {
            lock.lock();
            try {
                monitor.agentDone(result);
            } finally {
                lock.unlock();
            }
        }

        boolean isCanceled() {
            lock.lock();
            try {
                return monitor.isCanceled();
            } finally {
                lock.unlock();
            }
        }
    }
}
