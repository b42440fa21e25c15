package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.certbench.crypto.Certificate;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the workbench and a shell share besides the inventory: the known CAs (one made known by a shell is known
 * to the open workbench) and the console's identity (made once, also when both start together on a fresh home).
 */
class SharedConsoleAndKnownCasTest {

    @TempDir
    Path work;

    @Test
    void aCaAnotherHolderMadeKnownIsKnownWithoutARestart() throws Exception {
        AgentStore workbench = new AgentStore(work.resolve("agents"));
        AgentStore shell = new AgentStore(work.resolve("agents"));
        assertEquals(List.of(), workbench.knownCas());
        Certificate ca = Certificate.fromDer(PkiFixtures.ca("CN=Shell's CA", PkiFixtures.freshEc()), "ca");

        shell.addKnownCa(ca);

        assertEquals(List.of(ca), workbench.knownCas());
    }

    @Test
    void twoHoldersStartingTogetherOnAFreshHomeMakeOneIdentity() throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 10; round++) {
                Path console = work.resolve("console-" + round);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Certificate>> started = List.of(
                        threads.submit(() -> {
                            together.await();
                            return new ConsoleIdentity(console, Clock.systemUTC()).get().certificate();
                        }),
                        threads.submit(() -> {
                            together.await();
                            return new ConsoleIdentity(console, Clock.systemUTC()).get().certificate();
                        }));
                Certificate first = started.get(0).get();
                assertEquals(first, started.get(1).get(), "round " + round + ": two identities were made");
                assertEquals(first, new ConsoleIdentity(console, Clock.systemUTC()).get().certificate(),
                        "round " + round + ": the stored identity is the one both use");
                assertTrue(java.nio.file.Files.isRegularFile(console.resolve(ConsoleIdentity.LOCK)));
            }
        }
    }
}
