package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.AppliedCertificate;
import org.certbench.agents.connector.CertificateSource;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.connector.ReissueOptions;
import org.certbench.agents.connector.SourcedCertificate;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.CsrFile;
import org.certbench.agents.connector.CsrSubject;
import org.certbench.agents.connector.TrustState;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.CertificateAuthority;
import org.certbench.crypto.CertificationRequest;
import org.certbench.crypto.CertificationRequests;
import org.certbench.crypto.CryptoProviders;
import org.certbench.crypto.CsrOptions;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.PrivateKeys;
import org.certbench.crypto.SubjectAlternativeName;
import org.certbench.testing.pki.Openssl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status refresh and CSR generation over 100 and 1,000 agents (the agent's server class, many in this JVM),
 * beside {@code openssl s_time} full handshakes against one of them in the same run; with
 * {@code -Dcertbench.bench.only=renew}, {@code agent:renew --all --force}'s work instead (CSR on the agent, signed by a
 * P-256 CA in this JVM as the local issuer signs, checked, applied, confirmed by a new handshake) with the agents in
 * child JVMs ({@link AgentProcesses}), beside the raw cost measured in the same run, with the console's heap and
 * descriptors. Prints numbers; asserts only correctness. Not part of the normal build (no "Test" in its name): run it
 * by class, e.g. {@code -Dtest=FleetBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class FleetBenchmark {

    /** {@code -Dcertbench.bench.sizes=100,1000} by default. */
    private static final int[] FLEET_SIZES = java.util.Arrays
            .stream(System.getProperty("certbench.bench.sizes", "100,1000").split(",")).mapToInt(Integer::parseInt)
            .toArray();
    /** {@code -Dcertbench.bench.rounds=20}: the best of these is reported. */
    private static final int ROUNDS = Integer.getInteger("certbench.bench.rounds", 20);
    /**
     * Agents handled, in rounds not counted, before each measurement (as JMH warms up): the JIT compiles the hot
     * paths meanwhile, and its compiler threads would otherwise count in the CPU per handshake. A CSR call runs
     * through much more code than a status handshake (client authentication, HTTP, the CSR itself): after
     * 5,000 of them C2 was still compiling (perf: ≈ 20 % of the CPU in its threads), the best of 40 rounds then 1,402/s
     * against 1,082/s for the best of 10.
     */
    private static final int WARMUP = Integer.getInteger("certbench.bench.warmup", 20_000);
    /**
     * {@code -Dcertbench.bench.only=refresh} leaves out the CSRs and s_time, for profiling the refresh;
     * {@code csr} the refresh's warm-up and rounds (one round still checks the fleet) and s_time.
     */
    private static final boolean REFRESH_ONLY = "refresh".equals(System.getProperty("certbench.bench.only"));
    private static final boolean OVERWRITE = Boolean.getBoolean("certbench.bench.overwrite");
    private static final boolean CSR_ONLY = "csr".equals(System.getProperty("certbench.bench.only"));
    private static final boolean RENEW_ONLY = "renew".equals(System.getProperty("certbench.bench.only"));
    /**
     * {@code -Dcertbench.bench.renewRounds=3}: renewals of the whole fleet measured after the warm-up, each reported;
     * their medians are the figures.
     */
    private static final int RENEW_ROUNDS = Integer.getInteger("certbench.bench.renewRounds", 3);
    /**
     * {@code -Dcertbench.bench.renewWarmup=8000}: renewals in rounds not counted at least, and at least two rounds. A
     * flight recording of 1,000 agents with one round not counted showed both JVMs' JIT compilers busy through the measured
     * rounds (≈ 40 s of compilation in each JVM in 70 s), which counted as CPU per renewal.
     */
    private static final int RENEW_WARMUP = Integer.getInteger("certbench.bench.renewWarmup", 8_000);
    /**
     * {@code -Dcertbench.bench.renewWarmupLimit=40}: after {@link #RENEW_WARMUP}, warm-up rounds go on until two
     * successive rounds agree within 5 % in CPU per renewal, at most this many rounds in all. Why: in three runs of
     * 1,000 agents with a fixed 8,000 renewals not counted, the first measurement of each run was 1.3–1.4× the later
     * ones (2.02 / 1.60 / 1.48× the raw cost) while both JVMs' C2 compilers were still at work.
     */
    private static final int RENEW_WARMUP_LIMIT = Integer.getInteger("certbench.bench.renewWarmupLimit", 40);
    /** {@code -Dcertbench.bench.histogram=true}: the console's heap growth per class over each size's renewals. */
    private static final boolean HISTOGRAM = Boolean.getBoolean("certbench.bench.histogram");

    /**
     * {@code -Dcertbench.bench.agentsPerProcess=2500}: agents run in child JVMs of this many each (the renewal mode's
     * default), so that this JVM's descriptors and heap are the console's alone; 0 runs them in this JVM (the other
     * modes' default).
     */
    private static final int AGENTS_PER_PROCESS = Integer.getInteger("certbench.bench.agentsPerProcess",
            RENEW_ONLY ? 2_500 : 0);

    @TempDir
    Path work;

    private AgentProcesses processes;
    /** Per fleet size renewed: agents, renewals per second, CPU ms per renewal, the console's share (medians). */
    private final List<double[]> renewalFigures = new ArrayList<>();

    @Test
    void refreshAndCsrsOverManyAgents() throws Exception {
        FileAgentFleet fleet = new FileAgentFleet(work.resolve("home/agents"), work.resolve("home/console"),
                FleetOptions.defaults(), Clock.systemUTC());
        List<String> report = new ArrayList<>();
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        try (InProcessAgents agents = new InProcessAgents(); AgentProcesses children = new AgentProcesses()) {
            processes = children;
            List<String> names = new ArrayList<>();
            int firstPort = -1;
            report.add("open descriptors before any agent: " + OpenDescriptors.census());
            for (int size : FLEET_SIZES) {
                long start = System.nanoTime();
                List<Integer> ports = new ArrayList<>();
                if (AGENTS_PER_PROCESS > 0) {
                    ports.addAll(processes.start(names.size(), size - names.size(), AGENTS_PER_PROCESS,
                            work.resolve("agents"), fleet.consoleCertificate()));
                } else {
                    for (int i = names.size(); i < size; i++) {
                        ports.add(agents.start(work.resolve("agents").resolve("agent" + i),
                                fleet.consoleCertificate()));
                    }
                }
                for (int port : ports) {
                    String name = "agent" + names.size();
                    firstPort = firstPort < 0 ? port : firstPort;
                    fleet.add(name, "127.0.0.1", port, null);
                    names.add(name);
                }
                report.add(String.format("%,d agents started and added in %.1f s (%s)", size, seconds(start),
                        AGENTS_PER_PROCESS > 0 ? String.format("in %d child JVMs of at most %,d agents; this JVM is "
                                + "the console's", processes.count(), AGENTS_PER_PROCESS) : "in this JVM"));
                report.add("  open descriptors of this JVM: " + OpenDescriptors.census());
                if (AGENTS_PER_PROCESS > 0) {
                    report.add("  open descriptors of the agent processes: " + processes.descriptors());
                }

                boolean oneRefresh = CSR_ONLY || RENEW_ONLY;
                for (int round = 0; round < (oneRefresh ? 0 : WARMUP / size); round++) {
                    fleet.refresh(names, BatchMonitor.NONE);
                }
                double bestRefresh = Double.MAX_VALUE;
                double bestCpu = Double.MAX_VALUE;
                for (int round = 0; round < (oneRefresh ? 1 : ROUNDS); round++) {
                    start = System.nanoTime();
                    long cpu = cpuNanos();
                    BatchResult<AgentStatus> refreshed = fleet.refresh(names, BatchMonitor.NONE);
                    bestRefresh = Math.min(bestRefresh, seconds(start));
                    bestCpu = Math.min(bestCpu, (cpuNanos() - cpu) / 1e6 / size);
                    assertTrue(refreshed.values().stream().allMatch(status -> status.state() == TrustState.TRUSTED),
                            refreshed.failed().toString());
                }
                report.add(String.format("  status refresh: %.2f s best of %d = %,.0f handshakes/s; CPU %.2f ms per "
                        + "handshake (console and agent together)", bestRefresh, ROUNDS, size / bestRefresh, bestCpu));
                if (REFRESH_ONLY) {
                    continue;
                }
                if (RENEW_ONLY) {
                    Map<String, long[]> histogram = HISTOGRAM ? classHistogram() : null;
                    report.addAll(renewals(fleet, names));
                    if (HISTOGRAM) {
                        // the histogram before is itself ≈ 3,000 strings, arrays and map nodes, alive until now
                        report.add("  the console's heap, growth by class over these renewals (after full GCs; the "
                                + "first histogram's own ≈ 3,200 String, byte[], long[] and HashMap$Node among them):");
                        report.addAll(histogramGrowth(histogram, classHistogram()));
                    }
                    // what a batch left open: nothing per agent beyond its listening socket, on either side
                    report.add("  open descriptors of this JVM after the renewals: " + OpenDescriptors.census());
                    settle();
                    report.add(String.format("  heap used after a full GC: %,.1f MiB (%,.1f MiB before any agent was "
                            + "added; %s); agent processes' resident memory %,d MiB", (runtime.totalMemory()
                            - runtime.freeMemory()) / 1048576.0, heapBefore / 1048576.0, AGENTS_PER_PROCESS > 0
                            ? "the console's alone" : "console and in-process agents together",
                            processes.residentKib() / 1024));
                    continue;
                }
                for (int round = 0; round < WARMUP / size; round++) {
                    fleet.generateCsrs(names, new CsrSubject("Bench", "", "DE", "", ""), work.resolve("warmup"),
                            BatchMonitor.NONE);
                }
                double bestCsr = Double.MAX_VALUE;
                double bestCsrCpu = Double.MAX_VALUE;
                for (int round = 0; round < ROUNDS; round++) {
                    start = System.nanoTime();
                    long cpu = cpuNanos();
                    // a new directory each round, as an administrator's first CSRs for a fleet: replacing existing
                    // files costs ≈ 60–100 µs more each on this machine, whose ext4 is mounted with "discard"
                    // (every freed block is trimmed at once); -Dcertbench.bench.overwrite=true measures that
                    Path directory = work.resolve(OVERWRITE ? "csrs-" + size : "csrs-" + size + "-" + round);
                    BatchResult<CsrFile> csrs = fleet.generateCsrs(names, new CsrSubject("Bench", "", "DE", "", ""),
                            directory, BatchMonitor.NONE);
                    bestCsr = Math.min(bestCsr, seconds(start));
                    bestCsrCpu = Math.min(bestCsrCpu, (cpuNanos() - cpu) / 1e6 / size);
                    assertTrue(csrs.allSucceeded(), csrs.failed().toString());
                }
                report.add(String.format("  CSR generation: %.2f s best of %d = %,.0f CSRs/s (handshake + CSR signed "
                        + "on the agent + checked + written %s); CPU %.2f ms per CSR", bestCsr, ROUNDS, size / bestCsr,
                        OVERWRITE ? "over the previous round's files" : "into a new directory", bestCsrCpu));
            }
            if (RENEW_ONLY) {
                report.addAll(rawCost(firstPort));
            } else if (!REFRESH_ONLY && !CSR_ONLY) {
                double[] openssl = opensslHandshakes(firstPort);
                report.add(String.format("openssl s_time, one client thread, full TLS handshakes with one agent: %,.0f/s; "
                        + "the agent's CPU %.2f ms per handshake", openssl[0], openssl[1]));
                // a CSR call's handshake presents the console's certificate, as every management call does
                Path console = work.resolve("home/console");
                double[] mutual = opensslHandshakes(firstPort, "-cert", console.resolve("console-certificate.pem").toString(),
                        "-key", console.resolve("console-key.pem").toString());
                report.add(String.format("openssl s_time with the console's client certificate (a CSR call's handshake): "
                        + "%,.0f/s; the agent's CPU %.2f ms per handshake", mutual[0], mutual[1]));
            }
        }
        report.add("(" + Runtime.getRuntime().availableProcessors() + " cores, parallelism "
                + FleetOptions.defaults().parallelism() + "; agents and console share the cores; status handshakes "
                + "present no client certificate, CSR calls do)");
        report.add("cryptography: " + CryptoProviders.status());
        report.forEach(System.out::println);
    }

    /**
     * Renews every agent, keeping its key, through a CA in this JVM: warm-up rounds until the JIT compilers are done
     * (see {@link #RENEW_WARMUP}), then {@link #RENEW_ROUNDS} measured rounds, each reported; the figures taken are
     * the medians of the measured rounds. Then the CA's signatures alone.
     */
    private List<String> renewals(FileAgentFleet fleet, List<String> names) throws Exception {
        int size = names.size();
        CertificateAuthority ca = CertificateAuthority.create("Bench CA", Instant.now(),
                CertificateAuthority.ROOT_VALIDITY);
        CertificateSource source = (agent, certificateNames, csr) -> {
            try {
                return new SourcedCertificate(ca.issue(csr, agent, certificateNames, Instant.now(),
                        Duration.ofDays(90)), ca.certificate());
            } catch (CertBenchCryptoException e) {
                throw new FleetException(e.getMessage(), e);
            }
        };
        List<String> lines = new ArrayList<>();
        int minimumWarmup = Math.max(2, (RENEW_WARMUP + size - 1) / size);
        int warmupRounds = 0;
        RenewalRound previous = null;
        boolean steady = false;
        while (!steady && warmupRounds < RENEW_WARMUP_LIMIT) {
            RenewalRound round = renewalRound(fleet, names, source);
            warmupRounds++;
            steady = warmupRounds >= minimumWarmup && previous != null && round.agrees(previous, size);
            lines.add("  warm-up round " + warmupRounds + ": " + round);
            previous = round;
        }
        lines.add(String.format("  warm-up: %d rounds, %,d renewals not counted (%s)", warmupRounds,
                warmupRounds * size, steady ? "the last two agreed within 5 % in CPU per renewal, the console's JIT under 3 % of its CPU"
                        : "stopped at the limit of " + RENEW_WARMUP_LIMIT + " rounds WITHOUT two agreeing within 5 %"));
        List<RenewalRound> measured = new ArrayList<>();
        for (int round = 0; round < RENEW_ROUNDS; round++) {
            RenewalRound figures = renewalRound(fleet, names, source);
            measured.add(figures);
            lines.add("  measured round " + (round + 1) + ": " + figures);
        }
        double medianRate = median(measured.stream().mapToDouble(RenewalRound::perSecond).toArray());
        double medianCpu = median(measured.stream().mapToDouble(RenewalRound::cpuMs).toArray());
        double medianConsole = median(measured.stream().mapToDouble(RenewalRound::consoleCpuMs).toArray());
        renewalFigures.add(new double[] { size, medianRate, medianCpu, medianConsole });
        lines.add(String.format("  renewal (agent:renew --all --force, key kept), median of %d measured rounds: "
                + "%,.0f renewals/s (CSR on the agent, CA signature, checks, apply, confirmation handshake); CPU %.2f ms"
                + " per renewal (%s)", RENEW_ROUNDS, medianRate, medianCpu, AGENTS_PER_PROCESS > 0
                        ? String.format("the console's JVM with the CA %.2f ms, the agents' %.2f ms", medianConsole,
                                medianCpu - medianConsole)
                        : "console, CA and agents in one JVM"));
        // the CA's signature alone, on a P-256 CSR as the agents make, in the same run
        List<String> csrNames = List.of("127.0.0.1");
        CertificationRequest csr = CertificationRequests.create(new HostIdentity("bench", "127.0.0.1", List.of()),
                CsrOptions.defaults().withCommonName("127.0.0.1").withAlternativeNames(
                        SubjectAlternativeName.parseList("127.0.0.1")), PrivateKeys.generate(KeyType.DEFAULT));
        int signatures = 2000;
        byte[] der = csr.der();
        long start = System.nanoTime();
        long cpu = cpuNanos();
        for (int i = 0; i < signatures; i++) {
            // read anew each time, as each agent's CSR is: a request object checks its proof of possession once
            ca.issue(CertificationRequests.read(der, "bench"), "bench", csrNames, Instant.now(), Duration.ofDays(90));
        }
        lines.add(String.format("  CA signature alone (CSR read and checked, certificate signed, P-256): %,.0f/s; CPU "
                + "%.2f ms each", signatures / seconds(start), (cpuNanos() - cpu) / 1e6 / signatures));
        return lines;
    }

    /**
     * One renewal of every agent: its rate, the CPU per renewal of all JVMs and of the console's alone, and the
     * console JVM's JIT compilation time during it (the agents' JVMs compile alike; their CPU counts in the total).
     */
    private record RenewalRound(double perSecond, double cpuMs, double consoleCpuMs, long consoleJitMs) {

        /**
         * Within 5 % of each other in CPU per renewal, and the console's JIT compiler busy for less than 3 % of the
         * console's CPU in both: the JIT no longer adds to the CPU measurably. Agreement alone is not enough: in a run
         * of 1,000 agents two rounds agreed within 5 % after 11,000 renewals while the console's compiler still took
         * 1.0–3.6 s in each of the next rounds, which then lay 30 % apart.
         */
        boolean agrees(RenewalRound other, int size) {
            return Math.abs(cpuMs - other.cpuMs) <= 0.05 * Math.min(cpuMs, other.cpuMs) && compiledLittle(size)
                    && other.compiledLittle(size);
        }

        private boolean compiledLittle(int size) {
            return consoleJitMs < 0.03 * consoleCpuMs * size;
        }

        @Override
        public String toString() {
            return String.format("%,.0f renewals/s, CPU %.2f ms per renewal (console %.2f + agents %.2f), console's "
                    + "JIT %,d ms", perSecond, cpuMs, consoleCpuMs, cpuMs - consoleCpuMs, consoleJitMs);
        }
    }

    private RenewalRound renewalRound(FileAgentFleet fleet, List<String> names, CertificateSource source)
            throws Exception {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long jitBefore = jit.getTotalCompilationTime();
        long start = System.nanoTime();
        long cpu = cpuNanos();
        long consoleCpu = consoleCpuNanos();
        BatchResult<AppliedCertificate> renewed = fleet.reissue(names, ReissueOptions.KEEP_KEY, source,
                BatchMonitor.NONE);
        double seconds = seconds(start);
        int size = names.size();
        RenewalRound round = new RenewalRound(size / seconds, (cpuNanos() - cpu) / 1e6 / size,
                (consoleCpuNanos() - consoleCpu) / 1e6 / size, jit.getTotalCompilationTime() - jitBefore);
        assertTrue(renewed.allSucceeded(), renewed.failed().toString());
        return round;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * The classes whose instances grew most in this JVM's heap between two histograms ({@code GC.class_histogram},
     * which collects first), with {@code -Dcertbench.bench.histogram=true}: what the console keeps per renewal.
     */
    private static Map<String, long[]> classHistogram() throws Exception {
        settle();
        javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        String text = (String) server.invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram", new Object[] { new String[0] }, new String[] { String[].class.getName() });
        Map<String, long[]> classes = new java.util.HashMap<>();
        Matcher line = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)").matcher(text);
        while (line.find()) {
            classes.merge(line.group(3), new long[] { Long.parseLong(line.group(1)), Long.parseLong(line.group(2)) },
                    (a, b) -> new long[] { a[0] + b[0], a[1] + b[1] });
        }
        return classes;
    }

    /**
     * A full collection, a pause, and another: the native crypto provider (ACCP) frees each native key through a
     * cleaner thread that runs after the collection which found the key unreachable, and until then holds a handful
     * of small objects for it (≈ 200 bytes, {@code NativeResource$Cell} and its lock); a single collection left
     * 3,000–9,000 of them in the heap after a round of renewals, which looked like growth and was not.
     */
    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(500);
        System.gc();
    }

    private static List<String> histogramGrowth(Map<String, long[]> before, Map<String, long[]> after) {
        List<String> lines = new ArrayList<>();
        after.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), new long[] {
                        entry.getValue()[0] - before.getOrDefault(entry.getKey(), new long[2])[0],
                        entry.getValue()[1] - before.getOrDefault(entry.getKey(), new long[2])[1] }))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(15)
                .forEach(entry -> lines.add(String.format("    %+,12d bytes %+,9d instances  %s", entry.getValue()[1],
                        entry.getValue()[0], entry.getKey())));
        return lines;
    }

    /** Handshakes per second, and this JVM's CPU per handshake: the agent's side of each. */
    private double[] opensslHandshakes(int port, String... clientCertificate) throws Exception {
        Handshakes handshakes = sTime(port, clientCertificate);
        return new double[] { handshakes.perSecond(), handshakes.agentCpuMs() };
    }

    /** {@code openssl s_time} against one agent: handshakes per second, the agent's and the client's CPU each. */
    private record Handshakes(double perSecond, double agentCpuMs, double clientCpuMs) {
        double cpuMs() {
            return agentCpuMs + clientCpuMs;
        }
    }

    private Handshakes sTime(int port, String... clientCertificate) throws Exception {
        List<String> command = new ArrayList<>(List.of("s_time", "-connect", "127.0.0.1:" + port, "-new"));
        command.addAll(List.of(clientCertificate));
        // a first run warms the agent's side up, as the refresh rounds were
        Openssl.run(work, concat(command, "-time", "2"));
        long cpu = cpuNanos();
        long start = System.nanoTime();
        // the shell reports the CPU of the openssl it waited for (cutime and cstime of /proc/PID/stat)
        List<String> shell = new ArrayList<>(List.of("sh", "-c",
                "openssl \"$@\" || exit 1; cat /proc/$$/stat", "sh"));
        shell.addAll(List.of(concat(command, "-time", "5")));
        Process process = new ProcessBuilder(shell).directory(work.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor() == 0, output);
        double elapsed = seconds(start);
        Matcher matcher = Pattern.compile("(\\d+) connections in ([\\d.]+)s").matcher(output);
        assertTrue(matcher.find(), output);
        int connections = Integer.parseInt(matcher.group(1));
        // s_time's own count ends a moment before it exits; the CPU is spread over the whole run
        double counted = connections * elapsed / Double.parseDouble(matcher.group(2));
        double agentCpu = (cpuNanos() - cpu) / 1e6 / counted;
        String stat = output.substring(output.lastIndexOf(')') + 2).strip();
        String[] fields = stat.split(" ");
        // after "pid (comm) ": state is field 3; cutime and cstime are fields 16 and 17, in clock ticks
        double clientCpu = (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 1000.0 / clockTicks()
                / connections;
        return new Handshakes(connections / Double.parseDouble(matcher.group(2)), agentCpu, clientCpu);
    }

    private long clockTicks() throws Exception {
        Process process = new ProcessBuilder("getconf", "CLK_TCK").start();
        return Long.parseLong(new String(process.getInputStream().readAllBytes()).strip());
    }

    /** {@code openssl speed -seconds 3 ecdsap256}: P-256 signatures per second on one core. */
    private double opensslSignatures() {
        String output = Openssl.run(work, "speed", "-seconds", "3", "ecdsap256");
        Matcher matcher = Pattern.compile("256 bits ecdsa \\(nistp256\\)\\s+[\\d.]+s\\s+[\\d.]+s\\s+([\\d.]+)")
                .matcher(output);
        assertTrue(matcher.find(), output);
        return Double.parseDouble(matcher.group(1));
    }

    /**
     * The raw cost of a renewal as the issue counts it, measured now: a handshake with the console's certificate and
     * one without ({@code openssl s_time}: the agent's CPU and openssl's), and two P-256 signatures
     * ({@code openssl speed}: the agent's on the CSR, the CA's on the certificate). Compared as CPU per renewal,
     * which is fair at any parallelism: the renewals keep both cores busy ({@link FleetOptions#parallelism()}
     * connections at a time), so the raw rate beside them is the cores divided by the raw CPU.
     */
    private List<String> rawCost(int port) throws Exception {
        Path console = work.resolve("home/console");
        Handshakes mutual = sTime(port, "-cert", console.resolve("console-certificate.pem").toString(), "-key",
                console.resolve("console-key.pem").toString());
        Handshakes plain = sTime(port);
        double signs = opensslSignatures();
        double rawCpu = mutual.cpuMs() + plain.cpuMs() + 2 * 1000 / signs;
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> lines = new ArrayList<>();
        lines.add(String.format("raw cost, same run: openssl s_time with the console's certificate %,.0f handshakes/s "
                + "(CPU %.2f ms agent + %.2f ms openssl), without %,.0f/s (%.2f + %.2f ms); openssl speed ecdsap256 "
                + "%,.0f signs/s (%.3f ms); a renewal's raw CPU = one handshake of each + two signatures = %.2f ms, "
                + "i.e. %,.0f renewals/s on %d cores", mutual.perSecond(), mutual.agentCpuMs(), mutual.clientCpuMs(),
                plain.perSecond(), plain.agentCpuMs(), plain.clientCpuMs(), signs, 1000 / signs, rawCpu,
                cores * 1000 / rawCpu, cores));
        for (double[] renewal : renewalFigures) {
            lines.add(String.format("  %,.0f agents (medians): %,.0f renewals/s, CPU %.2f ms each (console %.2f + agents "
                    + "%.2f) = %.2f× the raw cost in CPU, %.2f× in throughput", renewal[0], renewal[1], renewal[2],
                    renewal[3], renewal[2] - renewal[3], renewal[2] / rawCpu, cores * 1000 / rawCpu / renewal[1]));
        }
        return lines;
    }

    private static String[] concat(List<String> command, String... more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** CPU time of this JVM so far. */
    private static long consoleCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    /** CPU time of this JVM and the agent processes so far: the console's and the agents' work. */
    private long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos()
                + (processes == null ? 0 : processes.cpuNanos());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

}
