package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.FleetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bounded concurrency, a result per agent in selection order, serialised progress, cancellation. */
class BatchRunnerTest {

    private static List<String> names(int count) {
        return IntStream.range(0, count).mapToObj(i -> "agent" + i).toList();
    }

    @Test
    void atMostTheBoundRunsAtOnceAndResultsKeepTheSelectionOrder() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        List<String> reported = new ArrayList<>();
        AtomicInteger inCallback = new AtomicInteger();
        BatchMonitor monitor = new BatchMonitor() {
            @Override
            public void agentDone(AgentResult<?> result) {
                // the contract: never two callbacks at once, so a plain list is enough
                assertEquals(1, inCallback.incrementAndGet());
                reported.add(result.agent());
                inCallback.decrementAndGet();
            }
        };
        BatchResult<String> result = new BatchRunner(4).run(names(40), name -> name,
                new BatchRunner.MonitorRelay(monitor), BatchRunner.Reporting.EACH_RESULT, name -> {
                    highest.accumulateAndGet(running.incrementAndGet(), Math::max);
                    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                    running.decrementAndGet();
                    if (name.equals("agent7")) {
                        throw new FleetException("agent7 is unwell");
                    }
                    return AgentResult.succeeded(name, name.toUpperCase(), null);
                });
        assertTrue(highest.get() <= 4 && highest.get() > 1, "highest concurrency " + highest.get());
        assertEquals(names(40), result.results().stream().map(AgentResult::agent).toList());
        assertEquals(40, reported.size());
        assertEquals(List.of("agent7"), result.toRetry());
        assertEquals("agent7 is unwell", result.failed().get(0).message());
    }

    @Test
    void cancellingStartsNoFurtherAgentAndReportsThemCancelled() {
        AtomicInteger done = new AtomicInteger();
        BatchMonitor monitor = new BatchMonitor() {
            @Override
            public void agentDone(AgentResult<?> result) {
                done.incrementAndGet();
            }

            @Override
            public boolean isCanceled() {
                return done.get() >= 3;
            }
        };
        BatchResult<String> result = new BatchRunner(1).run(names(10), name -> name,
                new BatchRunner.MonitorRelay(monitor), BatchRunner.Reporting.EACH_RESULT,
                name -> AgentResult.succeeded(name, name, null));
        assertEquals(3, result.values().size());
        assertTrue(result.wasCanceled());
        assertEquals(names(10).subList(3, 10), result.toRetry());
        assertEquals("Cancelled before it started; retry to run it.", result.results().get(9).message());
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a safety net: uncut, it waits forever
    void aCancelCutsTheItemsUnderWayExceptThoseThatCommittedAChange() {
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch connectionClosed = new CountDownLatch(1);
        BatchMonitor monitor = new BatchMonitor() {
            @Override
            public boolean isCanceled() {
                return bothRunning.getCount() == 0;
            }
        };
        BatchResult<String> result = new BatchRunner(2).run(List.of("asking", "sent", "waiting"), name -> name,
                new BatchRunner.MonitorRelay(monitor), BatchRunner.Reporting.EACH_RESULT, name -> {
                    if (name.equals("asking")) {
                        // a connection only the cancel closes
                        assertTrue(Cancellation.current().opening(connectionClosed::countDown));
                        bothRunning.countDown();
                        await(connectionClosed);
                        // as the connector says a failure the cut caused
                        throw new AgentCallException(AgentCallException.Kind.CANCELED, "closed under it", null);
                    }
                    assertTrue(Cancellation.current().commit());
                    bothRunning.countDown();
                    // ends only after the cancel cut the other: it was under way then, and is not cut
                    await(connectionClosed);
                    return AgentResult.succeeded(name, "applied", null);
                });
        assertEquals(List.of(AgentResult.Outcome.CANCELED, AgentResult.Outcome.SUCCEEDED,
                AgentResult.Outcome.CANCELED), result.results().stream().map(AgentResult::outcome).toList());
        assertEquals("Cancelled while under way, before anything was changed on the agent; retry to run it.",
                result.results().get(0).message());
        assertEquals("Cancelled before it started; retry to run it.", result.results().get(2).message());
        assertEquals(List.of("applied"), result.values());
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a safety net: uncut, it waits forever
    void aFailureOfItsOwnDuringACancelKeepsItsWordsAndIsNotCalledCancelled() {
        CountDownLatch allRunning = new CountDownLatch(2);
        CountDownLatch idleClosed = new CountDownLatch(2);
        BatchMonitor monitor = new BatchMonitor() {
            @Override
            public boolean isCanceled() {
                return allRunning.getCount() == 0;
            }
        };
        // both wait on an issuer while their idle connections are cut; the issuer then refuses, or its certificate
        // is rejected: the administrator reads that, not "cancelled before anything was changed"
        BatchResult<String> result = new BatchRunner(2).run(List.of("refused", "rejected"), name -> name,
                new BatchRunner.MonitorRelay(monitor), BatchRunner.Reporting.EACH_RESULT, name -> {
                    assertTrue(Cancellation.current().opening(idleClosed::countDown));
                    allRunning.countDown();
                    await(idleClosed);
                    if (name.equals("refused")) {
                        throw new FleetException("The issuer refused the request: rate limited.");
                    }
                    return AgentResult.failed(name, "The issued certificate does not name the agent's host.");
                });
        assertEquals(List.of(AgentResult.Outcome.FAILED, AgentResult.Outcome.FAILED),
                result.results().stream().map(AgentResult::outcome).toList());
        assertEquals(List.of("The issuer refused the request: rate limited.",
                "The issued certificate does not name the agent's host."),
                result.results().stream().map(AgentResult::message).toList());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
