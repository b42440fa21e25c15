package org.certbench.renewal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.BatchMonitor;
import org.junit.jupiter.api.Test;

/** A monitor written for one caller at a time is never called by two at once, however many threads share it. */
class OneCallAtATimeTest {

    /** Counts the calls in it at the same moment; each stays a while, so that an overlap would be seen. */
    private static final class OneCallerOnly implements BatchMonitor {

        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();

        private void enterAndLeave() {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            calls.incrementAndGet();
            Thread.onSpinWait();
            for (int i = 0; i < 1_000; i++) {
                Thread.yield();
            }
            inside.decrementAndGet();
        }

        @Override
        public void agentDone(AgentResult<?> result) {
            enterAndLeave();
        }

        @Override
        public boolean isCanceled() {
            enterAndLeave();
            return false;
        }
    }

    @Test
    void eightThreadsAskingAndReportingNeverOverlap() throws InterruptedException {
        OneCallerOnly monitor = new OneCallerOnly();
        BatchMonitor shared = new OneCallAtATime(monitor);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int index = t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 200; i++) {
                    if (index % 2 == 0) {
                        shared.isCanceled();
                    } else {
                        shared.agentDone(AgentResult.succeeded("agent" + i, null, null));
                    }
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(1600, monitor.calls.get());
        assertEquals(1, monitor.most.get(), "calls in the monitor at the same moment");
        assertTrue(monitor.inside.get() == 0);
    }
}
