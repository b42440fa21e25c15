package org.certbench.testing.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a test starts the real {@code certbench-agent} program in its own JVM: the same java as the test's, the jar as
 * bundles/org.certbench.agent builds it, and the options that make the many short agent JVMs of a test run cheap.
 * One home for them, so that every test module starts its agents the same way (they are OSGi test bundles and share
 * no other code; the plain-Maven modules, the agent's own tests and the product tests, cannot import this bundle).
 */
public final class AgentJvm {

    private static final String IN_BUNDLES = "org.certbench.agent/target/certbench-agent/certbench-agent.jar";

    private AgentJvm() {
    }

    /** {@return the java launcher of the running JVM, so that an agent runs on the JDK the tests run on} */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * {@return the agent's jar} Under Tycho a test runs in its bundle's directory, so the jar is
     * {@code ../org.certbench.agent/target/certbench-agent/certbench-agent.jar}; from the repository root it is below
     * {@code bundles/}; {@code -Dcertbench.agent.jar=FILE} overrides them. Never another checkout's jar: a test would
     * then pass against an agent without the change it tests.
     *
     * @throws IllegalStateException naming the places looked at, when the agent is not built
     */
    public static Path jar() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("certbench.agent.jar");
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("..", IN_BUNDLES));
        candidates.add(Path.of("bundles", IN_BUNDLES));
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
     * Options for an agent JVM that runs {@code arguments}: a class-data sharing archive per agent command (its first
     * argument) in the test module's target directory, written by the first JVM of that command when it exits and
     * mapped by every later one - about a third less CPU for a start; a stale or damaged archive is rewritten, never
     * a failed start. The jar's manifest allows native access, so no {@code --enable-native-access} here: that flag
     * would turn off the archive's module graph. The archive's log messages are off, they would mix with the
     * command's output that tests read.
     */
    public static List<String> classArchive(String... arguments) {
        Path target = Path.of("target").toAbsolutePath();
        try {
            Files.createDirectories(target); // the JVM fails its exit when it cannot write the archive there
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String command = arguments.length == 0 ? "none" : arguments[0].replaceAll("[^A-Za-z0-9-]", "_");
        return List.of("-XX:SharedArchiveFile=" + target.resolve("agent-" + command + ".jsa"),
                "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off", "-Xlog:aot*=off", "-Xlog:class+path*=off");
    }

    /**
     * {@return the command line that runs the agent with {@code arguments}} A mutable list, so that a test can add
     * JVM options of its own right after the java launcher (index 1). Only C1 compiles: an agent of a test lives
     * seconds, and C1 alone starts it faster.
     */
    public static List<String> command(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(classArchive(arguments));
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(arguments));
        return command;
    }
}
