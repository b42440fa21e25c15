package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serve or exit: an {@link Error} in any thread ends the agent program with a non-zero status and a log line
 * (so that systemd's {@code Restart=on-failure} starts it again), an exception in one thread does not; the
 * launcher and the unit are set up for it.
 */
class ServeOrExitTest {

    private static final Path SCRIPT = Path.of("src/main/scripts/certbench-agent");
    private static final Path JAVA_HOME_SH = Path.of("../../features/org.certbench.headless.feature/rootfiles/bin/java-home.sh");
    private static final Path UNIT = Path.of("src/main/systemd/certbench-agent.service");

    @TempDir
    Path state;
    @TempDir
    Path files;

    @Test
    void anErrorInAnyThreadEndsTheProgramWithStatus70AndALogLine() throws Exception {
        Path log = files.resolve("agent.log");
        Process agent = provoke("error", log);

        assertTrue(agent.waitFor(60, TimeUnit.SECONDS), "the agent is still running after an Error");
        assertEquals(70, agent.exitValue());
        String text = Files.readString(log);
        assertTrue(text.contains("ERROR certbench-agent:"), text);
        assertTrue(text.contains("fatal error in thread provoked-failure: java.lang.OutOfMemoryError: provoked by the "
                + "test; the agent exits so that its service manager restarts it"), text);
    }

    @Test
    void anExceptionInOneThreadIsLoggedAndTheAgentServesOn() throws Exception {
        Path log = files.resolve("agent.log");
        Process agent = provoke("exception", log);
        try {
            AgentProcess.awaitLine(log, "thread provoked-failure failed: java.lang.IllegalStateException");
            Matcher port = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)")
                    .matcher(AgentProcess.awaitLine(log, "started: listening on"));
            assertTrue(port.find());
            assertTrue(agent.isAlive());
            ConsoleClient.Reply reply = ConsoleClient.withoutCertificate().get(Integer.parseInt(port.group(1)),
                    "/api/v1/certificate");
            assertEquals(401, reply.status());
        } finally {
            agent.destroy();
            agent.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process provoke(String mode, Path log) throws Exception {
        return AgentProcess.builder(AgentProcess.LAUNCHER_JVM_OPTIONS, FatalErrorMain.class, mode, "run", "--state-dir",
                state.toString(), "--bind", "127.0.0.1", "--port", "0").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    @Test
    void theLauncherEndsTheJvmWhenItRunsOutOfMemory() throws Exception {
        Path script = installedScript();
        // the options the launcher passes, printed by the JVM it starts (-version: before any jar is needed)
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "run").redirectErrorStream(true);
        builder.environment().put("CERTBENCH_AGENT_JAVA_OPTS", "-XX:+PrintFlagsFinal -version");
        Process flags = builder.start();
        String output = new String(flags.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(flags.waitFor(60, TimeUnit.SECONDS));
        assertTrue(Pattern.compile("bool ExitOnOutOfMemoryError\\s+= true\\s").matcher(output).find(), output);
        assertTrue(Pattern.compile("size_t MaxHeapSize\\s+= 67108864\\s").matcher(output).find(), output);
        // this build's JDK knows the option: the server hands back what start-up used
        assertTrue(Pattern.compile("uint TrimNativeHeapInterval\\s+= 5000\\s").matcher(output).find(), output);
    }

    @Test
    void theSystemdUnitVerifiesAndRestartsOnFailure() throws Exception {
        Path script = installedScript();
        String unit = Files.readString(UNIT).replace("/opt/certbench-agent/certbench-agent", script.toString());
        assertTrue(unit.contains("\nRestart=on-failure\n"), unit);
        assertTrue(unit.contains(" --max-connections 256 --max-connections-per-address 16"), unit);
        assertTrue(unit.contains("-XX:+ExitOnOutOfMemoryError"), unit);
        Path copy = Files.writeString(files.resolve("certbench-agent.service"), unit);

        // verify refuses an ExecStart that does not exist here: the copy names the launcher of this build
        Process verify = new ProcessBuilder("systemd-analyze", "verify", copy.toString()).redirectErrorStream(true)
                .start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(verify.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, verify.exitValue(), output);
        assertEquals("", output.strip(), "systemd-analyze verify had remarks");
    }

    /** The launcher and java-home.sh in one directory, as the build leaves them for an installed host. */
    private Path installedScript() throws Exception {
        Path directory = Files.createDirectories(files.resolve("opt"));
        Files.copy(JAVA_HOME_SH, directory.resolve("java-home.sh"));
        Path script = Files.copy(SCRIPT, directory.resolve("certbench-agent"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
