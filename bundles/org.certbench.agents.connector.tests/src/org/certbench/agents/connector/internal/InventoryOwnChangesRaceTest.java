package org.certbench.agents.connector.internal;

import static org.certbench.testing.pki.PkiFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.certbench.agents.connector.AgentEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch brings the inventory up to date on its own thread while this process changes it: a look that listed
 * the directory before an agent was added must not take the new agent for one another process removed, and a
 * read from before a change must not overwrite the changed entry.
 */
class InventoryOwnChangesRaceTest {

    @TempDir
    Path work;

    @Test
    void anAgentJustAddedOrChangedStaysWhileTheWatchLooks() throws Exception {
        Inventory inventory = new Inventory(new AgentStore(work.resolve("agents")));
        AtomicBoolean adding = new AtomicBoolean(true);
        try (var watch = java.util.concurrent.Executors.newSingleThreadExecutor()) {
            Future<?> looks = watch.submit(() -> {
                while (adding.get()) {
                    inventory.readChanges();
                }
            });
            try {
                for (int i = 0; i < 1000; i++) {
                    String name = "agent-" + i;
                    inventory.change(name, current -> new AgentEntry(name, "10.0.0.1", 9443, NOW, null, null));
                    assertNotNull(inventory.find(name), name + " vanished right after it was added");
                    inventory.change(name, current -> new AgentEntry(name, "changed.example", 9443, NOW, null,
                            null));
                    assertEquals("changed.example", inventory.find(name).host(),
                            name + "'s change was overwritten by an older read");
                }
            } finally {
                adding.set(false);
            }
            looks.get();
        }
    }
}
