package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.SeenCertificate;
import org.certbench.agents.connector.TrustState;
import org.certbench.crypto.Certificate;
import org.certbench.messages.Severity;
import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code AgentFleet.lastSeen()}: what each agent presented at its last status, kept in the home for overviews that
 * must not contact every agent, read by another instance on the same home, kept while an agent is unreachable; a
 * sighting another instance wrote tells this one's listeners through its watch; a file beyond the bound is refused.
 */
class LastSeenTest {

    @TempDir
    Path work;

    private final List<RunningAgent> agents = new ArrayList<>();

    @AfterEach
    void stopAgents() throws InterruptedException {
        for (RunningAgent agent : agents) {
            agent.stop();
        }
    }

    private FileAgentFleet fleet(Instant now) throws Exception {
        return new FileAgentFleet(work.resolve("home/agents"), work.resolve("home/console"),
                new FleetOptions(4, Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60)),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void theLastStatusOfEachAgentIsKeptAndSharedWithoutAConnection() throws Exception {
        Instant first = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        FileAgentFleet fleet = fleet(first);
        Path consolePem = work.resolve("console.pem");
        fleet.exportConsoleCertificate(consolePem);
        for (String name : List.of("alpha", "beta")) {
            RunningAgent agent = RunningAgent.start(name, work);
            agents.add(agent);
            agent.authorize(consolePem);
            assertEquals(TrustState.TRUSTED, fleet.add(name, "127.0.0.1", agent.port, null).state());
        }
        assertEquals(List.of(), fleet.lastSeen(), "an add is no status: nothing seen yet");

        List<AgentStatus> refreshed = fleet.refresh(List.of("alpha", "beta"), BatchMonitor.NONE).values();
        List<SeenCertificate> seen = fleet.lastSeen();
        assertEquals(List.of("alpha", "beta"), seen.stream().map(SeenCertificate::agent).toList());
        assertEquals(refreshed.get(0).certificate(), seen.get(0).certificate());
        assertEquals(first, seen.get(0).seenAt());
        assertTrue(Files.isRegularFile(work.resolve("home/agents/seen/last-seen.properties")));

        // another process on the same home, later: reads it without contacting anyone (beta is stopped now)
        agents.get(1).stop();
        FileAgentFleet other = fleet(first.plusSeconds(3600));
        assertEquals(seen, other.lastSeen());

        // alpha rekeyed; a later status of alpha only: beta's sighting stays, alpha's is the new one
        agents.get(0).cli("certificate-apply-self-signed", "--rekey");
        AgentStatus alpha = other.status("alpha");
        AgentStatus beta = other.status("beta");
        assertEquals(TrustState.UNREACHABLE, beta.state());
        List<SeenCertificate> later = fleet.lastSeen();
        assertEquals(alpha.certificate(), later.get(0).certificate());
        assertNotEquals(seen.get(0).certificate(), later.get(0).certificate());
        assertEquals(first.plusSeconds(3600), later.get(0).seenAt());
        assertEquals(seen.get(1), later.get(1), "unreachable: the last sighting is kept");

        // a removed agent is no longer listed
        other.remove("beta");
        assertEquals(List.of("alpha"), other.lastSeen().stream().map(SeenCertificate::agent).toList());
        Path file = work.resolve("home/agents/seen/last-seen.properties");
        assertTrue(!Files.readString(file).contains("beta="), "a removed agent's sighting is pruned from the file");

        // alpha removed and added again later (no status since): its old certificate is not shown as seen
        other.remove("alpha");
        FileAgentFleet again = fleet(first.plusSeconds(7200));
        assertEquals(TrustState.TRUSTED, again.add("alpha", "127.0.0.1", agents.get(0).port, null).state());
        assertEquals(List.of(), again.lastSeen(), "the agent added again has not been seen yet");
    }

    @Test
    void aSightingOlderThanTheAgentsAdditionIsNotShown() throws Exception {
        Instant first = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        FileAgentFleet fleet = fleet(first);
        Path consolePem = work.resolve("console.pem");
        fleet.exportConsoleCertificate(consolePem);
        RunningAgent agent = RunningAgent.start("gamma", work);
        agents.add(agent);
        agent.authorize(consolePem);
        fleet.add("gamma", "127.0.0.1", agent.port, null);
        fleet.refresh(List.of("gamma"), BatchMonitor.NONE);
        assertEquals(1, fleet.lastSeen().size());

        // another process removes and adds it again without this one's remove: the file still has the old line
        Path file = work.resolve("home/agents/seen/last-seen.properties");
        String old = Files.readString(file);
        FileAgentFleet other = fleet(first.plusSeconds(60));
        other.remove("gamma");
        other.add("gamma", "127.0.0.1", agent.port, null);
        Files.writeString(file, old);
        assertEquals(List.of(), other.lastSeen(), "a sighting from before the addition is an earlier agent's");
    }

    @Test
    void aStatusAnotherInstanceMadeTellsThisInstancesSeenListenersThroughItsWatch() throws Exception {
        Instant first = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        FileAgentFleet workbench = fleet(first);
        Path consolePem = work.resolve("console.pem");
        workbench.exportConsoleCertificate(consolePem);
        RunningAgent agent = RunningAgent.start("delta", work);
        agents.add(agent);
        agent.authorize(consolePem);
        workbench.add("delta", "127.0.0.1", agent.port, null);
        AtomicInteger told = new AtomicInteger();
        workbench.addSeenListener(told::incrementAndGet);
        assertEquals(List.of(), workbench.lastSeen(), "the overview asked once: nothing seen yet");
        workbench.watch(Duration.ofMillis(20));
        try {
            // a one-shot shell on the same home: its own instance, its status written to the shared file
            FileAgentFleet shell = fleet(first.plusSeconds(60));
            AgentStatus status = shell.status("delta");

            waitUntil("the watch noticed the other instance's sighting", () -> told.get() > 0);
            assertEquals(1, told.get(), "told once");
            List<SeenCertificate> seen = workbench.lastSeen();
            assertEquals(List.of("delta"), seen.stream().map(SeenCertificate::agent).toList());
            assertEquals(status.certificate(), seen.get(0).certificate());
            assertEquals(first.plusSeconds(60), seen.get(0).seenAt());

            // this instance's own refresh tells it once (its flush); its watch finds nothing new in that write
            workbench.refresh(List.of("delta"), BatchMonitor.NONE);
            assertEquals(2, told.get());
            FileAgentFleet later = fleet(first.plusSeconds(120));
            later.status("delta");
            waitUntil("the next sighting of the other instance", () -> told.get() > 2);
            assertEquals(first.plusSeconds(120), workbench.lastSeen().get(0).seenAt());
        } finally {
            workbench.stop();
        }
    }

    @Test
    void aFileLargerThanTheBoundIsRefusedInWordsInTheLogAndTheBellAndWhatWasReadIsKept() throws Exception {
        AgentStore store = new AgentStore(work.resolve("home/agents"));
        RecordingLogger log = new RecordingLogger();
        LastSeen lastSeen = new LastSeen(store, log);
        RecordedMessages bell = new RecordedMessages();
        lastSeen.tellAdministrators(bell);
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        Certificate certificate = Certificate.fromDer(PkiFixtures.certificate("CN=epsilon").build(), "epsilon");
        List<AgentEntry> entries = List.of(new AgentEntry("epsilon", "127.0.0.1", 9443, at.minusSeconds(60), null,
                null));
        lastSeen.record("epsilon", certificate, at);
        assertEquals(List.of(new SeenCertificate("epsilon", certificate, at)), lastSeen.of(entries));

        Path file = work.resolve("home/agents/seen/last-seen.properties");
        try (var out = Files.newOutputStream(file)) {
            byte[] comment = ("#" + "x".repeat(1022) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int written = 0; written <= LastSeen.MAX_BYTES; written += comment.length) {
                out.write(comment);
            }
        }

        assertEquals(List.of(new SeenCertificate("epsilon", certificate, at)), lastSeen.of(entries),
                "what was read before is kept");
        assertEquals(List.of("WARNING Cannot read " + file + ": " + file + " is larger than 33554432 bytes; it was not read"),
                log.lines);
        assertEquals(List.of("The certificates the agents presented at their last status cannot be read from " + file
                + ": " + file + " is larger than 33554432 bytes; it was not read. The Expiry view and the expiry checks"
                + " show the agents as read before (a process started now shows none of their certificates). Move the"
                + " file away: the next refresh of the agents writes it anew."), bell.texts());
        assertEquals(Severity.WARNING, bell.list().get(0).severity());
        assertEquals("Agents", bell.list().get(0).source());
        LastSeen otherProcess = new LastSeen(store, new RecordingLogger());
        otherProcess.tellAdministrators(bell);
        assertEquals(List.of(), otherProcess.of(entries), "a fresh reader has nothing to show");
        lastSeen.readChanges();
        assertEquals(1, log.lines.size(), "logged once while it lasts: " + log.lines);
        assertEquals(1, bell.texts().size(), "one message, whoever reads it again: " + bell.texts());

        lastSeen.stopTelling(bell);
        Files.delete(file);
        lastSeen.record("epsilon", certificate, at.plusSeconds(60));
        lastSeen.flush();
        Files.writeString(file, "x".repeat(LastSeen.MAX_BYTES + 1));
        lastSeen.readChanges();
        assertEquals(1, bell.texts().size(), "no longer told: " + bell.texts());
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "in 20 s: " + what);
            Thread.sleep(10);
        }
    }

    /** Keeps what is logged as "LEVEL text", as an administrator reads it. */
    private static final class RecordingLogger implements System.Logger {

        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "recorded";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            lines.add(level + " " + message);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " " + format);
        }
    }
}
