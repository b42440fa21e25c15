package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.crypto.Certificate;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading {@code agents/seen/last-seen.properties} with 10,000 real entries (a certificate of its own per agent,
 * stored as the refresh stores them): the write at the end of a refresh, the first read of a process (the file and
 * every certificate), a read again after another process wrote the file (the file alone: the certificates are
 * cached), and a look of the watch when nothing changed. Prints the best of several rounds; asserts only
 * correctness. Not part of the normal build (no "Test" in its name): run it by class, e.g.
 * {@code -Dtest=LastSeenBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LastSeenBenchmark {

    /** {@code -Dcertbench.bench.agents=10000} by default. */
    private static final int AGENTS = Integer.getInteger("certbench.bench.agents", 10_000);
    private static final int ROUNDS = Integer.getInteger("certbench.bench.rounds", 7);

    @TempDir
    Path work;

    @Test
    void readingTheSightingsOfTenThousandAgents() throws Exception {
        Path agentsDirectory = work.resolve("home/agents");
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        KeyPair key = PkiFixtures.ec();
        List<AgentEntry> entries = new ArrayList<>();
        LastSeen writer = new LastSeen(new AgentStore(agentsDirectory));
        for (int i = 0; i < AGENTS; i++) {
            String name = "agent-" + i + ".fleet.example";
            Certificate certificate = Certificate.fromDer(PkiFixtures.certificate("CN=" + name).key(key).dns(name)
                    .validity(at.minusSeconds(86_400), at.plusSeconds(86_400L * (30 + i % 300))).build(), name);
            writer.record(name, certificate, at);
            entries.add(new AgentEntry(name, "10.0." + i / 250 + "." + i % 250, 9443, at.minusSeconds(3600), null,
                    null));
        }
        long start = System.nanoTime();
        writer.flush();
        double write = millis(start);
        Path file = agentsDirectory.resolve("seen/last-seen.properties");

        double firstRead = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            LastSeen reader = new LastSeen(new AgentStore(agentsDirectory));
            start = System.nanoTime();
            int seen = reader.of(entries).size();
            firstRead = Math.min(firstRead, millis(start));
            assertEquals(AGENTS, seen);
        }

        LastSeen watching = new LastSeen(new AgentStore(agentsDirectory));
        AtomicInteger told = new AtomicInteger();
        watching.addListener(told::incrementAndGet);
        watching.of(entries);
        double readAgain = Double.MAX_VALUE;
        double unchanged = Double.MAX_VALUE;
        LastSeen other = new LastSeen(new AgentStore(agentsDirectory));
        Certificate one = other.of(entries).get(0).certificate();
        for (int round = 0; round < ROUNDS; round++) {
            other.record(entries.get(0).name(), one, at.plusSeconds(round + 1L));
            other.flush();
            start = System.nanoTime();
            watching.readChanges();
            readAgain = Math.min(readAgain, millis(start));
            assertEquals(round + 1, told.get());
        }
        // a file written within the clock's tick is read again at each look (FileStamp.racyAt): dated back, it is not
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(3600)));
        watching.readChanges();
        for (int look = 0; look < 1000; look++) {
            start = System.nanoTime();
            watching.readChanges();
            unchanged = Math.min(unchanged, millis(start));
        }
        assertEquals(ROUNDS, told.get(), "the same sightings are no news");
        System.out.printf("last-seen.properties, %,d agents, %,d bytes (bound %,d)%n", AGENTS, Files.size(file),
                LastSeen.MAX_BYTES);
        System.out.printf("  written at the end of a refresh: %.0f ms%n", write);
        System.out.printf("  first read of a process (file and %,d certificates), best of %d: %.0f ms%n", AGENTS,
                ROUNDS, firstRead);
        System.out.printf("  read again after another process wrote it (file only), best of %d: %.1f ms%n", ROUNDS,
                readAgain);
        System.out.printf("  a look of the watch, nothing changed: %.3f ms%n", unchanged);
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
