package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.connector.SelfSignedChange;
import org.certbench.core.AuditEntry;
import org.certbench.core.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 24, 5: the fleet's changes to real agents each leave an entry in the console's audit log. */
class FleetAuditTest {

    @TempDir
    Path work;

    private final List<RunningAgent> agents = new ArrayList<>();

    @AfterEach
    void stopAgents() throws InterruptedException {
        for (RunningAgent agent : agents) {
            agent.stop();
        }
    }

    @Test
    void addRefusedAddRekeyAndRemoveAreAuditedWithFingerprints() throws Exception {
        FileAgentFleet fleet = new FileAgentFleet(work.resolve("home/agents"), work.resolve("home/console"),
                new FleetOptions(4, Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60)),
                Clock.systemUTC());
        Path consolePem = work.resolve("console.pem");
        fleet.exportConsoleCertificate(consolePem);
        RunningAgent alpha = RunningAgent.start("alpha", work);
        agents.add(alpha);
        alpha.authorize(consolePem);

        AgentStatus added = fleet.add("alpha", "127.0.0.1", alpha.port, null);
        assertThrows(FleetException.class, () -> fleet.add("alpha again", "127.0.0.1", alpha.port,
                "00".repeat(32)));
        SelfSignedChange rekeyed = fleet.applySelfSigned(List.of("alpha"), true, BatchMonitor.NONE).values().get(0);
        fleet.remove("alpha");

        List<AuditEntry> entries = new AuditLog(work.resolve("home/audit"), null, Clock.systemUTC()).read(null)
                .entries();
        assertEquals(List.of("agent.add", "agent.add", "agent.rekey", "agent.remove"),
                entries.stream().map(AuditEntry::action).toList());
        assertEquals(List.of("alpha", "alpha again", "alpha", "alpha"),
                entries.stream().map(AuditEntry::object).toList());
        assertEquals(List.of(true, false, true, true), entries.stream().map(AuditEntry::ok).toList());
        String first = added.certificate().sha256Fingerprint();
        assertEquals(first, entries.get(0).after());
        assertEquals(first, entries.get(2).before());
        assertEquals(rekeyed.certificate().sha256Fingerprint(), entries.get(2).after());
        assertEquals(rekeyed.certificate().sha256Fingerprint(), entries.get(3).before());
    }
}
