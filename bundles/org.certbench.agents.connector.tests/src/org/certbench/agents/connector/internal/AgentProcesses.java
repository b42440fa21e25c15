package org.certbench.agents.connector.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certbench.crypto.Certificate;
import org.certbench.testing.servers.AgentJvm;

/**
 * Agents in child JVMs ({@link AgentsProcess}), a share of the fleet each, so that this JVM holds the console alone:
 * its descriptors and heap are the console's. The children's CPU counts in {@link #cpuNanos()}.
 */
final class AgentProcesses implements AutoCloseable {

    /** The tests' classes as Tycho compiles them; the tests run in the bundle's directory. */
    private static final Path CLASSES = Path.of(System.getProperty("certbench.bench.classes", "target/classes"));

    private final List<Process> processes = new ArrayList<>();

    /**
     * Starts {@code count} agents, numbered from {@code first}, in processes of at most {@code perProcess} each.
     *
     * @return their ports, in order
     */
    List<Integer> start(int first, int count, int perProcess, Path directory, Certificate console) throws IOException {
        Files.createDirectories(directory);
        Path consoleFile = directory.resolve("console-" + first + ".pem");
        Files.writeString(consoleFile, console.pem(), StandardCharsets.US_ASCII);
        List<Process> started = new ArrayList<>();
        for (int from = first; from < first + count; from += perProcess) {
            int share = Math.min(perProcess, first + count - from);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "--enable-native-access=ALL-UNNAMED"));
            // the agent launcher's options (certbench-agent run), so that the agents' CPU is the product's: the
            // serial collector, small stacks, native heap trimmed, exit on out of memory. Its heap bound, 64 MiB,
            // is for one agent; a process of many gets 64 MiB and 40 KiB per agent more (an idle agent holds
            // ≈ 34 KiB: 2,500 agents fill 60 MiB and stop in full collections)
            command.addAll(List.of("-XX:+UseSerialGC", "-Xms4m", "-Xmx" + (64 + share * 40 / 1024) + "m", "-Xss512k",
                    "-XX:TrimNativeHeapInterval=5000", "-XX:+ExitOnOutOfMemoryError"));
            // e.g. a flight recording of the agents' side: -Dcertbench.bench.agentJvmArgs=-XX:StartFlightRecording=…
            String extra = System.getProperty("certbench.bench.agentJvmArgs", "").strip();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.replace("{first}", Integer.toString(from)).split("\\s+")));
            }
            command.addAll(List.of("-cp",
                    AgentJvm.jar() + java.io.File.pathSeparator + CLASSES.toAbsolutePath(),
                    AgentsProcess.class.getName(), Integer.toString(share), Integer.toString(from),
                    directory.toString(), consoleFile.toString()));
            Process process = new ProcessBuilder(command)
                    .redirectError(directory.resolve("agents-" + from + ".log").toFile()).start();
            started.add(process);
            processes.add(process);
        }
        List<Integer> ports = new ArrayList<>();
        for (Process process : started) {
            BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
            for (String line = lines.readLine(); !AgentsProcess.READY.equals(line); line = lines.readLine()) {
                if (line == null) {
                    throw new IOException("an agent process ended before it was ready; see " + directory
                            + "/agents-*.log");
                }
                // the JVM's own notices (a flight recording's start) share standard output
                if (line.strip().matches("\\d{1,5}")) {
                    ports.add(Integer.parseInt(line.strip()));
                }
            }
        }
        return ports;
    }

    /** The CPU time of the agent processes so far. */
    long cpuNanos() {
        return processes.stream().mapToLong(process -> process.info().totalCpuDuration().orElseThrow().toNanos())
                .sum();
    }

    /** The agent processes' resident memory, in KiB ({@code VmRSS}), 0 where unknown. */
    long residentKib() {
        long total = 0;
        for (Process process : processes) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // not Linux, or the process ended: unknown
            }
        }
        return total;
    }

    /** The agent processes' open descriptors by kind, added up. */
    java.util.Map<String, Integer> descriptors() {
        java.util.Map<String, Integer> all = new java.util.TreeMap<>();
        processes.forEach(process -> OpenDescriptors.census(process.pid())
                .forEach((kind, count) -> all.merge(kind, count, Integer::sum)));
        return all;
    }

    int count() {
        return processes.size();
    }

    @Override
    public void close() throws Exception {
        for (Process process : processes) {
            process.getOutputStream().close();
        }
        for (Process process : processes) {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
