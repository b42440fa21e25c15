package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.certbench.agent.state.AgentStateDirectory;
import org.junit.jupiter.api.Test;

/** The agent's default state directory follows core's one root check, compared with what {@code id -u} says. */
class DefaultStateLocationTest {

    @Test
    void rootGetsTheSystemDirectoryEveryoneElseOneInTheirHome() throws Exception {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes()).strip();
        assertEquals(0, id.waitFor(), uid);

        Path expected = "0".equals(uid) ? Path.of("/var/lib/certbench-agent")
                : Path.of(System.getProperty("user.home"), ".certbench-agent");
        assertEquals(expected, AgentStateDirectory.defaultLocation());
    }
}
