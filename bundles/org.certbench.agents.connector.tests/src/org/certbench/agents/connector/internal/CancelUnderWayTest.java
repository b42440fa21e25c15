package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.SelfSignedChange;
import org.certbench.agents.connector.TrustChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cancel reaches the agents under way: agents that hold their connection without a word are cut as soon as the
 * cancel is seen (their connections closed by the console, never by the agent), reported cancelled and not
 * unreachable, and what they last presented stays as it was; an agent already sent a change is not cut, and its
 * result is what really happened.
 */
class CancelUnderWayTest {

    /** Longer than any run of these tests: a batch that returns does so because of the cancel, not a timeout. */
    private static final Duration NEVER = Duration.ofHours(1);

    private static final String CUT = "Cancelled while under way, before anything was changed on the agent; "
            + "retry to run it.";
    private static final String NOT_STARTED = "Cancelled before it started; retry to run it.";

    @TempDir
    Path work;

    /** Cancels when the test says so, from what the agents saw: no timing. */
    private static final class CancelOnDemand implements BatchMonitor {
        private volatile boolean canceled;

        void cancel() {
            canceled = true;
        }

        @Override
        public boolean isCanceled() {
            return canceled;
        }
    }

    private FileAgentFleet fleet(int parallelism, Duration callTimeout) throws Exception {
        return new FileAgentFleet(work.resolve("home/agents"), work.resolve("home/console"),
                new FleetOptions(parallelism, NEVER, NEVER, callTimeout), Clock.systemUTC());
    }

    /** Cancels {@code monitor} once {@code holder} holds {@code count} connections. */
    private static void cancelWhenHeld(HostileAgent holder, int count, CancelOnDemand monitor) {
        Thread.ofVirtual().start(() -> {
            try {
                holder.awaitHeld(count);
                monitor.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    // a safety net only (on a thread of its own: a batch waiting for its agents is deaf to interrupts): without the
    // cut the refresh would wait an hour
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRefreshCancelledWhileAgentsHoldTheirHandshakesReturnsWithThemCancelledNotUnreachable() throws Exception {
        FileAgentFleet fleet = fleet(8, NEVER);
        try (HostileAgent holder = HostileAgent.start(HostileAgent.Behaviour.SILENT)) {
            List<String> names = List.of("held-1", "held-2", "held-3");
            for (String name : names) {
                fleet.add(name, "127.0.0.1", holder.port(), null);
            }
            BatchResult<AgentStatus> before = fleet.refresh(names, BatchMonitor.NONE);
            assertTrue(before.allSucceeded(), before.toString());
            var seenBefore = fleet.lastSeen();
            assertEquals(3, seenBefore.size(), seenBefore.toString());

            holder.become(HostileAgent.Behaviour.HOLD);
            CancelOnDemand monitor = new CancelOnDemand();
            cancelWhenHeld(holder, 3, monitor);
            BatchResult<AgentStatus> result = fleet.refresh(names, monitor);

            // the refresh returned while the agent still held every connection: the console closed them
            holder.awaitHungUp(3);
            for (AgentResult<AgentStatus> each : result.results()) {
                assertEquals(AgentResult.Outcome.CANCELED, each.outcome(), each.toString());
                assertEquals(CUT, each.message());
            }
            assertTrue(result.values().isEmpty(), "no status, so none says unreachable");
            assertEquals(names, result.toRetry());
            assertEquals(seenBefore, fleet.lastSeen(), "what each agent presented last stays as it was");
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aCancelCutsTheAgentsUnderWayAndStartsNoOther() throws Exception {
        FileAgentFleet fleet = fleet(2, NEVER);
        try (HostileAgent holder = HostileAgent.start(HostileAgent.Behaviour.SILENT)) {
            List<String> names = List.of("a", "b", "c", "d");
            for (String name : names) {
                fleet.add(name, "127.0.0.1", holder.port(), null);
            }
            holder.become(HostileAgent.Behaviour.HOLD);
            CancelOnDemand monitor = new CancelOnDemand();
            // two slots, both held: the cancel is seen while the batch waits for a free one
            cancelWhenHeld(holder, 2, monitor);
            BatchResult<TrustChange> result = fleet.trust(names, monitor);

            holder.awaitHungUp(2);
            Map<String, String> said = result.results().stream()
                    .collect(Collectors.toMap(AgentResult::agent, AgentResult::message));
            assertTrue(result.results().stream().allMatch(each -> each.outcome() == AgentResult.Outcome.CANCELED),
                    result.toString());
            assertEquals(Map.of("a", CUT, "b", CUT, "c", NOT_STARTED, "d", NOT_STARTED), said);
            assertEquals(names, result.toRetry());
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anAgentAlreadySentItsChangeIsNotCutAndSaysWhatHappened() throws Exception {
        // the call's timeout is what ends the agent that was sent its change and never answers
        FileAgentFleet fleet = fleet(8, Duration.ofSeconds(2));
        try (HostileAgent holder = HostileAgent.start(HostileAgent.Behaviour.SILENT);
                HostileAgent mute = HostileAgent.start(HostileAgent.Behaviour.SILENT)) {
            fleet.add("held", "127.0.0.1", holder.port(), null);
            fleet.add("sent", "127.0.0.1", mute.port(), null);
            holder.become(HostileAgent.Behaviour.HOLD);
            CancelOnDemand monitor = new CancelOnDemand();
            Thread.ofVirtual().start(() -> {
                try {
                    holder.awaitHeld(1);
                    mute.awaitRequests(1);
                    monitor.cancel();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            BatchResult<SelfSignedChange> result = fleet.applySelfSigned(List.of("held", "sent"), false, monitor);

            holder.awaitHungUp(1);
            AgentResult<SelfSignedChange> held = result.results().get(0);
            assertEquals(AgentResult.Outcome.CANCELED, held.outcome(), held.toString());
            assertEquals(CUT, held.message());
            // its request was on its way when the cancel came: the answer was waited for, and its lack is told
            AgentResult<SelfSignedChange> sent = result.results().get(1);
            assertEquals(AgentResult.Outcome.FAILED, sent.outcome(), sent.toString());
            assertTrue(sent.message().contains("within 2 seconds"), sent.message());
        }
    }
}
