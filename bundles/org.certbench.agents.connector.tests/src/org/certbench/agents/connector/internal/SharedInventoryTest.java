package org.certbench.agents.connector.internal;

import static org.certbench.testing.pki.PkiFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.FleetException;
import org.certbench.crypto.Certificate;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One inventory used by the workbench and a shell at once, each holding its own copy in memory: a change is made to
 * the agent as stored, so neither undoes the other's change or adds an agent twice.
 */
class SharedInventoryTest {

    @TempDir
    Path work;

    private Inventory open() throws Exception {
        return new Inventory(new AgentStore(work.resolve("agents")));
    }

    private static Inventory.Change add(AgentEntry agent) {
        return current -> {
            if (current != null) {
                throw new FleetException("an agent named '" + agent.name() + "' already exists");
            }
            return agent;
        };
    }

    @Test
    void aPinSetByOneHolderIsNotUndoneByAnotherHoldingAnOldCopy() throws Exception {
        Inventory workbench = open();
        workbench.change("db-01", add(new AgentEntry("db-01", "10.0.0.1", 9443, NOW, null, null)));
        Inventory shell = open();
        Certificate pin = Certificate.fromDer(PkiFixtures.certificate("CN=db-01").key(PkiFixtures.freshEc()).build(),
                "pin");

        shell.change("db-01", current -> new AgentEntry(current.name(), current.host(), current.port(),
                current.added(), pin, null));
        workbench.change("db-01", current -> new AgentEntry(current.name(), "db-01.example", current.port(),
                current.added(), current.pinnedCertificate(), current.trustedCa(), current.pinnedKey()));

        AgentEntry stored = open().get("db-01");
        assertEquals("db-01.example", stored.host(), "the workbench's change");
        assertEquals(pin, stored.pinnedCertificate(), "the shell's pin, kept");
        assertEquals(pin, workbench.get("db-01").pinnedCertificate(), "the workbench's copy is brought up to date");
    }

    @Test
    void theWatchTellsTheWorkbenchWhatAShellAddedChangedAndRemoved() throws Exception {
        FileAgentFleet workbench = new FileAgentFleet(work.resolve("agents"), work.resolve("console"),
                new FleetOptions(2, java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(15),
                        java.time.Duration.ofSeconds(60)), java.time.Clock.systemUTC());
        List<List<String>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        workbench.addChangeListener(() -> seen.add(workbench.list().stream()
                .map(agent -> agent.name() + "@" + agent.host()).toList()));
        workbench.watch(java.time.Duration.ofMillis(20));
        try {
            Inventory shell = open();
            shell.change("web-01", add(new AgentEntry("web-01", "10.0.0.2", 9443, NOW, null, null)));
            awaitSeen(seen, List.of("web-01@10.0.0.2"));

            shell.change("web-01", current -> new AgentEntry(current.name(), "web-01.example", current.port(),
                    current.added(), null, null));
            awaitSeen(seen, List.of("web-01@web-01.example"));

            shell.change("web-01", current -> null);
            awaitSeen(seen, List.of());
        } finally {
            workbench.stop();
        }
    }

    private static void awaitSeen(List<List<String>> seen, List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!seen.contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(seen.contains(expected), "a listener saw " + expected + ": " + seen);
    }

    @Test
    void anAgentAnotherHolderAddedIsNotAddedAgainAndOneItRemovedIsNotWrittenBack() throws Exception {
        Inventory workbench = open();
        Inventory shell = open();
        shell.change("web-01", add(new AgentEntry("web-01", "10.0.0.2", 9443, NOW, null, null)));

        FleetException twice = assertThrows(FleetException.class,
                () -> workbench.change("web-01", add(new AgentEntry("web-01", "10.0.0.3", 9443, NOW, null, null))));
        assertEquals("an agent named 'web-01' already exists", twice.getMessage());

        shell.change("web-01", current -> null);
        AgentEntry seen = workbench.change("web-01", current -> current);
        assertNull(seen, "the workbench sees it removed");
        assertTrue(Files.notExists(new AgentStore(work.resolve("agents")).fileOf("web-01")));
    }

    @Test
    void theListShowsWhatAnotherHolderAddedChangedAndRemoved() throws Exception {
        Inventory workbench = open();
        workbench.change("db-01", add(new AgentEntry("db-01", "10.0.0.1", 9443, NOW, null, null)));
        assertEquals(List.of("db-01"), names(workbench));
        Inventory shell = open();

        shell.change("web-01", add(new AgentEntry("web-01", "10.0.0.2", 9443, NOW, null, null)));
        assertEquals(List.of("db-01", "web-01"), names(workbench), "added by the shell");

        shell.change("web-01", current -> new AgentEntry(current.name(), "web-01.example", current.port(),
                current.added(), null, null));
        assertEquals("web-01.example", workbench.list().get(1).host(), "changed by the shell");

        shell.change("db-01", current -> null);
        assertEquals(List.of("web-01"), names(workbench), "removed by the shell");
    }

    @Test
    void aSecondProcessAddingAndChangingWhileThisOneDoesLosesNothing() throws Exception {
        int count = 60;
        Inventory workbench = open();
        workbench.change("shared", add(new AgentEntry("shared", "10.0.0.9", 0, NOW, null, null)));
        Path directory = work.resolve("agents");
        Process shell = new ProcessBuilder(java(), "-cp", classPath(), InventoryProcess.class.getName(),
                directory.toString(), "sh-", Integer.toString(count), "shared").redirectErrorStream(true).start();
        try {
            java.io.BufferedReader output = new java.io.BufferedReader(new java.io.InputStreamReader(
                    shell.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("ready", output.readLine(), "the second process started (class path " + classPath() + ")");
            try (java.io.Writer go = new java.io.OutputStreamWriter(shell.getOutputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                go.write("go\n");
            }
            for (int i = 0; i < count; i++) {
                String name = "wb-" + i;
                workbench.change(name, add(new AgentEntry(name, "10.1.0.1", 9443, NOW, null, null)));
                incrementPort(workbench, "shared");
            }
            assertTrue(shell.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the second process ended");
            String rest = String.join("\n", output.lines().toList());
            assertEquals(0, shell.exitValue(), rest);
            assertEquals("added " + count, rest);
        } finally {
            shell.destroyForcibly();
        }

        assertEquals(2 * count + 1, workbench.list().size(), "the workbench's list");
        assertEquals(2 * count + 1, open().list().size(), "on disk");
        assertEquals(2 * count, open().get("shared").port(), "every increment of both processes counted");
    }

    /** A read-modify-write of one agent that both processes make: the port counts the changes. */
    static void incrementPort(Inventory inventory, String name) throws FleetException {
        inventory.change(name, current -> new AgentEntry(current.name(), current.host(), current.port() + 1,
                current.added(), current.pinnedCertificate(), current.trustedCa(), current.pinnedKey()));
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Where the classes the second process needs come from in this framework: this fragment, its host, core, NLS. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : List.of(InventoryProcess.class, Inventory.class, AgentEntry.class,
                org.certbench.core.FileStamp.class, Certificate.class, org.eclipse.osgi.util.NLS.class)) {
            try {
                String entry = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                if (!entries.contains(entry)) {
                    entries.add(entry);
                }
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static List<String> names(Inventory inventory) {
        return inventory.list().stream().map(AgentEntry::name).toList();
    }

    @Test
    void twoHoldersAddingAtOnceLoseNoAgent() throws Exception {
        Inventory workbench = open();
        Inventory shell = open();
        int count = 200;
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<AgentEntry>> added = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String workbenchName = "wb-" + i;
                String shellName = "sh-" + i;
                added.add(threads.submit(() -> workbench.change(workbenchName,
                        add(new AgentEntry(workbenchName, "10.1.0.1", 9443, NOW, null, null)))));
                added.add(threads.submit(() -> shell.change(shellName,
                        add(new AgentEntry(shellName, "10.2.0.1", 9443, NOW, null, null)))));
            }
            for (Future<AgentEntry> future : added) {
                future.get();
            }
        }

        assertEquals(2 * count, open().list().size());
    }
}
