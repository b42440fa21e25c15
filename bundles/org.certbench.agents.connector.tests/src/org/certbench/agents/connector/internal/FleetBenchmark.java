package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.CsrFile;
import org.certbench.agents.connector.CsrSubject;
import org.certbench.agents.connector.TrustState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status refresh and CSR generation over 100 and 1,000 agents (the agent's server class, many in this JVM),
 * beside {@code openssl s_time} full handshakes against one of them in the same run. Prints numbers; asserts
 * only correctness. Not part of the normal build (no "Test" in its name): run it by class, e.g.
 * {@code -Dtest=FleetBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class FleetBenchmark {

    /** {@code -Dcertbench.bench.sizes=100,1000} by default. */
    private static final int[] FLEET_SIZES = java.util.Arrays
            .stream(System.getProperty("certbench.bench.sizes", "100,1000").split(",")).mapToInt(Integer::parseInt)
            .toArray();
    private static final int ROUNDS = 3;

    @TempDir
    Path work;

    @Test
    void refreshAndCsrsOverManyAgents() throws Exception {
        FileAgentFleet fleet = new FileAgentFleet(work.resolve("home/agents"), work.resolve("home/console"),
                FleetOptions.defaults(), Clock.systemUTC());
        List<String> report = new ArrayList<>();
        try (InProcessAgents agents = new InProcessAgents()) {
            List<String> names = new ArrayList<>();
            int firstPort = -1;
            for (int size : FLEET_SIZES) {
                long start = System.nanoTime();
                while (names.size() < size) {
                    String name = "agent" + names.size();
                    int port = agents.start(work.resolve("agents").resolve(name), fleet.consoleCertificate());
                    firstPort = firstPort < 0 ? port : firstPort;
                    fleet.add(name, "127.0.0.1", port, null);
                    names.add(name);
                }
                report.add(String.format("%,d agents started and added in %.1f s", size, seconds(start)));

                double bestRefresh = Double.MAX_VALUE;
                for (int round = 0; round < ROUNDS; round++) {
                    start = System.nanoTime();
                    BatchResult<AgentStatus> refreshed = fleet.refresh(names, BatchMonitor.NONE);
                    bestRefresh = Math.min(bestRefresh, seconds(start));
                    assertTrue(refreshed.values().stream().allMatch(status -> status.state() == TrustState.TRUSTED),
                            refreshed.failed().toString());
                }
                double bestCsr = Double.MAX_VALUE;
                for (int round = 0; round < ROUNDS; round++) {
                    start = System.nanoTime();
                    BatchResult<CsrFile> csrs = fleet.generateCsrs(names, new CsrSubject("Bench", "", "DE", "", ""),
                            work.resolve("csrs"), BatchMonitor.NONE);
                    bestCsr = Math.min(bestCsr, seconds(start));
                    assertTrue(csrs.allSucceeded(), csrs.failed().toString());
                }
                report.add(String.format("  status refresh: %.2f s best of %d = %,.0f handshakes/s", bestRefresh, ROUNDS,
                        size / bestRefresh));
                report.add(String.format("  CSR generation: %.2f s best of %d = %,.0f CSRs/s (handshake + CSR signed "
                        + "on the agent + checked + written)", bestCsr, ROUNDS, size / bestCsr));
            }
            report.add(String.format("openssl s_time, one client thread, full TLS handshakes with one agent: %,.0f/s",
                    opensslHandshakesPerSecond(firstPort)));
        }
        report.add("(" + Runtime.getRuntime().availableProcessors() + " cores, parallelism "
                + FleetOptions.defaults().parallelism() + "; agents and console share this JVM's cores; status handshakes "
                + "present no client certificate, CSR calls do)");
        report.forEach(System.out::println);
    }

    private double opensslHandshakesPerSecond(int port) {
        String output = Openssl.run(work, null, "s_time", "-connect", "127.0.0.1:" + port, "-new", "-time", "5");
        Matcher matcher = Pattern.compile("(\\d+) connections in ([\\d.]+)s").matcher(output);
        assertTrue(matcher.find(), output);
        return Integer.parseInt(matcher.group(1)) / Double.parseDouble(matcher.group(2));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

}
