package org.certbench.renewal.internal;

import java.util.concurrent.locks.ReentrantLock;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.BatchMonitor;

/**
 * The caller's {@link BatchMonitor}, called by one thread at a time as its contract promises, though two callers
 * share it during a renewal: the fleet's batch, and the issuers that ask it for a cancel from the agents' threads
 * while they sign.
 */
final class OneCallAtATime implements BatchMonitor {

    private final BatchMonitor monitor;
    private final ReentrantLock lock = new ReentrantLock();

    OneCallAtATime(BatchMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void begin(int agents) {
        lock.lock();
        try {
            monitor.begin(agents);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void agentDone(AgentResult<?> result) {
        lock.lock();
        try {
            monitor.agentDone(result);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isCanceled() {
        lock.lock();
        try {
            return monitor.isCanceled();
        } finally {
            lock.unlock();
        }
    }
}
