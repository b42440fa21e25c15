package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.certbench.agent.state.AgentStateDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's default state directory follows core's one root check, compared with what {@code id -u} says; and
 * since the build runs as root, where a check that always said "root" would pass too, also in a JVM run as
 * {@code nobody}.
 */
class DefaultStateLocationTest {

    @TempDir
    Path scratch;

    private static boolean rootById() throws Exception {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes()).strip();
        assertEquals(0, id.waitFor(), uid);
        return "0".equals(uid);
    }

    @Test
    void rootGetsTheSystemDirectoryEveryoneElseOneInTheirHome() throws Exception {
        Path expected = rootById() ? Path.of("/var/lib/certbench-agent")
                : Path.of(System.getProperty("user.home"), ".certbench-agent");
        assertEquals(expected, AgentStateDirectory.defaultLocation());
    }

    @Test
    void asNobodyTheCheckSaysNotRootAndTheDirectoryIsInNobodysHome() throws Exception {
        assumeTrue(rootById(), "runs a JVM as nobody, which takes root");
        String nobodysHome = new String(new ProcessBuilder("getent", "passwd", "nobody").start().getInputStream()
                .readAllBytes()).strip().split(":")[5];

        Agents.CliResult probe = AsUser.java("nobody", scratch, RootCheckProbe.class);

        assertEquals(0, probe.exitCode(), probe.stderr());
        assertEquals("false " + Path.of(nobodysHome, ".certbench-agent"), probe.stdout().strip());
        assertEquals("true /var/lib/certbench-agent", AgentProcess.complete(AgentProcess.builder(RootCheckProbe.class)
                .start(), "RootCheckProbe").stdout().strip());
    }
}
