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

    static List<String> command(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // as the agent's launcher: C1 alone starts a short-lived JVM faster, and the native crypto provider
        // loads without a warning
        command.add("-XX:TieredStopAtLevel=1");
        command.add("--enable-native-access=ALL-UNNAMED");
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
