package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.CsrFile;
import org.certbench.agents.connector.CsrSubject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch over twenty agents of which seven misbehave: two are down, one never answers, one answers a byte every 500 ms, one speaks no TLS, one
 * answers a Content-Length that is no number, one announces a body of nearly a gigabyte. The batch completes,
 * each agent gets its own result in words, and retrying the failed ones retries exactly those.
 */
class HostileAgentsBatchTest {

    private static final Duration DEADLINE = Duration.ofSeconds(2);

    @TempDir
    Path work;

    @Test
    void aBatchOverHostileAgentsCompletesWithAResultInWordsForEach() throws Exception {
        FileAgentFleet fleet = new FileAgentFleet(work.resolve("home/agents"), work.resolve("home/console"),
                new FleetOptions(8, DEADLINE, DEADLINE, DEADLINE), Clock.systemUTC());
        List<AutoCloseable> hostile = new ArrayList<>();
        try (InProcessAgents agents = new InProcessAgents()) {
            List<String> all = new ArrayList<>();
            for (int i = 0; i < 13; i++) {
                String name = "good-" + i;
                fleet.add(name, "127.0.0.1", agents.start(work.resolve("agents").resolve(name), fleet.consoleCertificate()),
                        null);
                all.add(name);
            }
            // what each misbehaving agent's result must say
            Map<String, String> expected = new LinkedHashMap<>();
            for (String name : List.of("down-1", "down-2")) {
                HostileAgent gone = HostileAgent.start(HostileAgent.Behaviour.SILENT);
                fleet.add(name, "127.0.0.1", gone.port(), null);
                gone.close();
                expected.put(name, "connection refused (is the agent running on that port?)");
            }
            addHostile(fleet, hostile, "silent", HostileAgent.Behaviour.SILENT);
            // the read timeout and the call's deadline are both 2 s: either may say so first
            expected.put("silent", "within 2 seconds.");
            // each read is answered in time: only the call's whole deadline ends it
            addHostile(fleet, hostile, "trickle", HostileAgent.Behaviour.TRICKLE);
            expected.put("trickle", "The call to the agent was not complete within 2 seconds.");
            HostileAgent garbage = addHostile(fleet, hostile, "garbage", HostileAgent.Behaviour.SILENT);
            garbage.become(HostileAgent.Behaviour.GARBAGE);
            expected.put("garbage", "No TLS connection with 127.0.0.1:" + garbage.port());
            addHostile(fleet, hostile, "malformed", HostileAgent.Behaviour.MALFORMED_LENGTH);
            expected.put("malformed", "The agent's answer has the Content-Length \"12abc\", which is not a number of bytes.");
            addHostile(fleet, hostile, "oversized", HostileAgent.Behaviour.OVERSIZED);
            expected.put("oversized", "The agent's answer announces 999999999 bytes; an answer has at most 262144.");
            all.addAll(expected.keySet());
            assertEquals(20, all.size());

            BatchResult<CsrFile> first = fleet.generateCsrs(all, CsrSubject.NONE, work.resolve("csrs"), BatchMonitor.NONE);

            assertEquals(all, first.results().stream().map(AgentResult::agent).toList(), "one result per agent");
            Map<String, AgentResult<CsrFile>> byAgent = first.results().stream()
                    .collect(Collectors.toMap(AgentResult::agent, result -> result));
            for (int i = 0; i < 13; i++) {
                AgentResult<CsrFile> good = byAgent.get("good-" + i);
                assertTrue(good.succeeded(), good.agent() + ": " + good.message());
            }
            for (Map.Entry<String, String> bad : expected.entrySet()) {
                AgentResult<CsrFile> result = byAgent.get(bad.getKey());
                assertEquals(AgentResult.Outcome.FAILED, result.outcome(), bad.getKey());
                assertTrue(result.message().contains(bad.getValue()), bad.getKey() + ": " + result.message());
                assertTrue(!result.message().contains("Exception"), bad.getKey() + ": " + result.message());
            }

            List<String> retry = first.toRetry();
            assertEquals(List.copyOf(expected.keySet()), retry);
            BatchResult<CsrFile> second = fleet.generateCsrs(retry, CsrSubject.NONE, work.resolve("csrs"),
                    BatchMonitor.NONE);
            assertEquals(retry, second.results().stream().map(AgentResult::agent).toList(), "exactly the failed ones");
            assertEquals(retry, second.toRetry());
        } finally {
            for (AutoCloseable server : hostile) {
                server.close();
            }
        }
    }

    /** Starts a hostile agent and adds it to the fleet (which pins the certificate it presents). */
    private static HostileAgent addHostile(FileAgentFleet fleet, List<AutoCloseable> hostile, String name,
            HostileAgent.Behaviour behaviour) throws Exception {
        HostileAgent agent = HostileAgent.start(behaviour);
        hostile.add(agent);
        fleet.add(name, "127.0.0.1", agent.port(), null);
        return agent;
    }
}
