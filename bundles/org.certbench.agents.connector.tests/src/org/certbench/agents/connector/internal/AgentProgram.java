package org.certbench.agents.connector.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code certbench-agent} jar, as built by the agent's module. Under Tycho the tests run in this
 * bundle's directory, so the jar is {@code ../org.certbench.agent/target/certbench-agent/certbench-agent.jar};
 * from the repository root it is below {@code bundles/}; {@code -Dcertbench.agent.jar=…} overrides both.
 */
final class AgentProgram {

    private static final String IN_BUNDLES = "org.certbench.agent/target/certbench-agent/certbench-agent.jar";

    private AgentProgram() {
    }

    static Path jar() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("certbench.agent.jar");
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("..", IN_BUNDLES));
        candidates.add(Path.of("bundles", IN_BUNDLES));
        candidates.add(Path.of("/work/main/bundles", IN_BUNDLES));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("The agent program is not built: none of " + candidates + " exists (working "
                + "directory " + Path.of("").toAbsolutePath() + "). Build bundles/org.certbench.agent first "
                + "(./mvnw -pl bundles/org.certbench.agent -am package), or give -Dcertbench.agent.jar=FILE.");
    }

    /**
     * Options for an agent JVM: a class-data sharing archive per agent command in this module's target directory,
     * written by the first JVM of that command when it exits and mapped by every later one (about a third less CPU for
     * a start; a stale or damaged archive is rewritten, never a failed start). The jar's manifest allows native
     * access: the flag for it would turn off the archive's module graph. The archive's messages are off, they would
     * mix with the command's output.
     */
    static List<String> classArchive(String... arguments) {
        Path target = Path.of("target").toAbsolutePath();
        try {
            Files.createDirectories(target); // the JVM fails its exit when it cannot write the archive there
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String command = arguments.length == 0 ? "none" : arguments[0].replaceAll("[^A-Za-z0-9-]", "_");
        return List.of("-XX:SharedArchiveFile=" + target.resolve("agent-" + command + ".jsa"),
                "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off", "-Xlog:aot*=off", "-Xlog:class+path*=off");
    }

    static List<String> command(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // C1 alone starts a short-lived JVM faster
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(classArchive(arguments));
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /** Runs a CLI command to completion; fails the test with its output if it fails. */
    static String run(String... arguments) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command(arguments)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("certbench-agent did not finish: " + List.of(arguments));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("certbench-agent " + List.of(arguments) + " failed:\n" + output);
        }
        return output;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
