package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The agent program, with the launcher's memory settings, flooded by attacker processes from 127.0.0.5 while
 * a console at 127.0.0.1 calls it: the agent keeps serving during and after, its memory stays bounded, and
 * the attacker's connections beyond its share are closed at once. Before the connection limits, 5,226 such
 * connections ran the agent out of memory for good.
 */
@Order(2)
@ResourceLock(TestLocks.BOTH_CORES)
@ResourceLock(TestLocks.ATTACKER_ADDRESS)
class AgentFloodTest {

    private static final String ATTACKER = "127.0.0.5";
    /** An idle agent measures 70–77 MiB here; the launcher's heap is 64 MiB. */
    private static final long RESIDENT_BOUND_KIB = 160 * 1024;
    private static final Duration CONSOLE_DEADLINE = Duration.ofSeconds(2);
    /**
     * The least --request-timeout takes: the slow heads are cut without waiting for the default (10 s), which the
     * bounds of the cut still tell apart from it.
     */
    private static final int REQUEST_TIMEOUT_SECONDS = 1;

    @TempDir
    Path state;
    @TempDir
    Path files;

    private AgentProcess.Server agent;
    private ConsoleClient console;

    @BeforeEach
    void start() throws Exception {
        console = ConsoleClient.withCertificate("console");
        Agents.cli("console-authorize", "--state-dir", state.toString(), "--file",
                console.writeCertificate(files.resolve("console.pem")).toString());
        agent = AgentProcess.startServer(AgentProcess.LAUNCHER_JVM_OPTIONS, state, files.resolve("agent.log"),
                "--request-timeout", String.valueOf(REQUEST_TIMEOUT_SECONDS));
    }

    @AfterEach
    void stop() throws Exception {
        agent.process().destroy();
        agent.process().waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void twentyThousandPartialTlsRecordsFromOneAddressLeaveTheConsoleServed() throws Exception {
        consoleCallMillis(); // the first TLS work opens what the JVM keeps open (entropy, libraries)
        int descriptorsBefore = openDescriptors();
        List<Attacker> attackers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            attackers.add(Attacker.start("partial", agent.port(), 10_000));
        }
        // the console calls on while the connections arrive, not only once they are all open
        ConsolePoller poller = new ConsolePoller();
        int connected = 0;
        for (Attacker attacker : attackers) {
            connected += Integer.parseInt(attacker.expect("opened (\\d+) refused (\\d+)").group(1));
        }
        List<Long> whileArriving = poller.stop();
        assertTrue(connected >= 10_000, "the kernel accepted " + connected + " of the attacker's connections");
        assertTrue(!whileArriving.isEmpty());
        report("partial records: console calls while the connections arrived: " + whileArriving.size()
                + ", slowest " + java.util.Collections.max(whileArriving) + " ms");

        int descriptorsDuring = openDescriptors();
        long during = consoleCallMillis();
        long resident = residentKib();
        report("partial records: 20,000 connections from " + ATTACKER + "; console call during the flood " + during
                + " ms, agent resident " + resident / 1024 + " MiB, file descriptors " + descriptorsBefore + " before, "
                + descriptorsDuring + " during");
        assertTrue(resident < RESIDENT_BOUND_KIB, resident + " KiB");
        // the attacker's share of connections (16 by default) and nothing more
        assertTrue(descriptorsDuring <= descriptorsBefore + 16 + 4, descriptorsBefore + " -> " + descriptorsDuring);

        int closedByAgent = 0;
        for (Attacker attacker : attackers) {
            attacker.process.getOutputStream().close();
            closedByAgent += Integer.parseInt(attacker.expect("closed-by-agent (\\d+)").group(1));
            assertTrue(attacker.process.waitFor(60, TimeUnit.SECONDS));
        }
        // the agent resets what it refuses; the rest the kernel had not even handed to it (accept queue full)
        assertTrue(closedByAgent > 10_000, "closed by the agent: " + closedByAgent);
        long after = consoleCallMillis();
        report("partial records: closed by the agent " + closedByAgent + "; console call after " + after + " ms");
        assertTrue(Files.readString(files.resolve("agent.log")).contains("over the limits"));
    }

    @Test
    void slowHeadsAfterTlsWithoutCertificateAreCutByTheRequestDeadline() throws Exception {
        Attacker attacker = Attacker.start("slowhead", agent.port(), 2_000);
        Matcher handshakes = attacker.expect("handshakes (\\d+) of 2000");
        int completed = Integer.parseInt(handshakes.group(1));
        // one address gets its share of connections (16 by default), however many it opens
        assertTrue(completed > 0 && completed <= 16, "handshakes completed: " + completed);

        long during = consoleCallMillis();
        long resident = residentKib();

        Matcher end = attacker.expect("closed-by-agent (\\d+) after-ms (\\d+) heads-complete (\\d+)");
        assertTrue(attacker.process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(completed, Integer.parseInt(end.group(1)), "every slow head is cut off");
        assertEquals(0, Integer.parseInt(end.group(3)), "no head trickled to its end");
        // cut by the deadline --request-timeout set, not by the default one (10 s) and not before it
        long cutAfter = Long.parseLong(end.group(2));
        assertTrue(cutAfter >= REQUEST_TIMEOUT_SECONDS * 1000L - 250 && cutAfter < 10_000,
                "cut after " + cutAfter + " ms");
        long after = consoleCallMillis();
        report("slow heads: 2,000 attempts from " + ATTACKER + ", " + completed + " completed TLS, all cut after "
                + end.group(2) + " ms of trickling; console call during " + during + " ms, after " + after
                + " ms; agent resident " + resident / 1024 + " MiB");
        assertTrue(resident < RESIDENT_BOUND_KIB, resident + " KiB");
    }

    /** Authorised calls one after another until stopped, each within {@link #CONSOLE_DEADLINE}; their durations. */
    private final class ConsolePoller {
        private final List<Long> durations = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile boolean stopped;
        private final java.util.concurrent.CompletableFuture<Void> done;

        ConsolePoller() {
            done = java.util.concurrent.CompletableFuture.runAsync(() -> {
                while (!stopped) {
                    try {
                        durations.add(consoleCallMillis());
                        Thread.sleep(100);
                    } catch (Exception | AssertionError e) {
                        throw new IllegalStateException("a console call failed during the flood", e);
                    }
                }
            });
        }

        List<Long> stop() throws Exception {
            stopped = true;
            done.get(30, TimeUnit.SECONDS);
            return List.copyOf(durations);
        }
    }

    /** An authorised call that must be answered within {@link #CONSOLE_DEADLINE}; its duration. */
    private long consoleCallMillis() throws Exception {
        long start = System.nanoTime();
        ConsoleClient.Reply reply = console.get(agent.port(), "/api/v1/certificate", CONSOLE_DEADLINE);
        assertEquals(200, reply.status(), reply.body());
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private int openDescriptors() throws IOException {
        try (var descriptors = Files.list(Path.of("/proc", String.valueOf(agent.process().pid()), "fd"))) {
            return (int) descriptors.count();
        }
    }

    private long residentKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(agent.process().pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for the agent");
    }

    private static void report(String figures) {
        System.out.println("[agent flood] " + figures);
    }

    private record Attacker(Process process, BufferedReader out) {

        static Attacker start(String mode, int port, int count) throws IOException {
            Process process = AgentProcess.builder(List.of("-Xmx256m"), FloodMain.class, mode, "127.0.0.1",
                    String.valueOf(port), ATTACKER, String.valueOf(count)).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            return new Attacker(process,
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
        }

        Matcher expect(String regex) throws IOException {
            String line = out.readLine();
            Matcher matcher = Pattern.compile(regex).matcher(String.valueOf(line));
            assertTrue(matcher.matches(), "attacker said: " + line);
            return matcher;
        }
    }
}
