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
 * cancellation before each item starts; items not started when it cancels are reported cancelled, items
 * running are finished.
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
        for (int i = 0; i < items.size(); i++) {
            I item = items.get(i);
            int index = i;
            if (!acquire(permits, monitor)) {
                AgentResult<T> canceled = AgentResult.canceled(label.apply(item), Messages.Batch_canceled);
                results.set(index, canceled);
                report(monitor, reporting, canceled);
                finished.countDown();
                continue;
            }
            Thread.ofVirtual().name("certbench-agents-batch").start(() -> { //$NON-NLS-1$
                try {
                    AgentResult<T> result = runOne(task, item, label.apply(item));
                    synchronized (results) {
                        results.set(index, result);
                    }
                    report(monitor, reporting, result);
                } finally {
                    permits.release();
                    finished.countDown();
                }
            });
        }
        awaitUninterruptibly(finished);
        synchronized (results) {
            return new BatchResult<>(results, List.of());
        }
    }

    private static <I, T> AgentResult<T> runOne(Task<I, T> task, I item, String label) {
        try {
            return task.run(item);
        } catch (AgentCallException | FleetException e) {
            return AgentResult.failed(label, e.getMessage());
        } catch (RuntimeException e) {
            // a bug must cost one agent's result, not the whole batch and its other results
            return AgentResult.failed(label, NLS.bind(Messages.Batch_internalError, e));
        }
    }

    private static void report(MonitorRelay monitor, Reporting reporting, AgentResult<?> result) {
        if (reporting == Reporting.EACH_RESULT) {
            monitor.done(result);
        }
    }

    /** Waits for a free slot, asking for cancellation meanwhile; false when cancelled. */
    private static boolean acquire(Semaphore permits, MonitorRelay monitor) {
        while (true) {
            if (monitor.isCanceled()) {
                return false;
            }
            try {
                if (permits.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    if (monitor.isCanceled()) {
                        permits.release();
                        return false;
                    }
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                // running agents are finished rather than abandoned half-way; the interrupt is kept for the caller
                interrupted = true;
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
