package org.certbench.agents.connector.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.FleetException;

/**
 * A second process over the same inventory, as a {@code certbench-shell} beside the workbench: it opens the
 * inventory (and so holds its own copy), says {@code ready}, waits for a line on stdin, then adds {@code COUNT}
 * agents {@code PREFIX0…} and changes the port of {@code SHARED} from whatever it is stored with to 1 + it.
 * {@code java -cp … InventoryProcess DIRECTORY PREFIX COUNT SHARED}
 */
public final class InventoryProcess {

    private InventoryProcess() {
    }

    public static void main(String[] args) throws Exception {
        Inventory inventory = new Inventory(new AgentStore(Path.of(args[0])));
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            String name = prefix + i;
            inventory.change(name, current -> {
                if (current != null) {
                    throw new FleetException(name + " exists");
                }
                return new AgentEntry(name, "10.9.0.1", 9443, Instant.parse("2026-12-03T00:00:00Z"), null, null);
            });
            SharedInventoryTest.incrementPort(inventory, args[3]);
        }
        System.out.println("added " + count);
    }
}
