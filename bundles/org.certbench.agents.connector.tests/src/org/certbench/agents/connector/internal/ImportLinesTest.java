package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.CsvAgentLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import after a preview adds the lines the preview read, not what the file holds by then. */
class ImportLinesTest {

    @TempDir
    Path work;

    @Test
    void theLinesReadAreImportedEvenWhenTheFileIsGoneAndABadLineFailsWithItsProblem() throws Exception {
        FileAgentFleet fleet = new FileAgentFleet(work.resolve("home/agents"), work.resolve("home/console"),
                new FleetOptions(4, Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60)),
                Clock.systemUTC());
        int closedPort;
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
        Path csv = Files.writeString(work.resolve("agents.csv"),
                "name,host,port\nnowhere,127.0.0.1," + closedPort + "\nbad,127.0.0.1,99999\n");
        List<CsvAgentLine> preview = fleet.readCsv(csv);
        Files.delete(csv);

        BatchResult<AgentStatus> imported = fleet.importLines(preview, BatchMonitor.NONE);

        Map<String, AgentResult<AgentStatus>> byAgent = imported.results().stream()
                .collect(Collectors.toMap(AgentResult::agent, result -> result));
        assertEquals(Set.of("nowhere", "bad"), byAgent.keySet());
        // the line was tried: the agent it names was asked, and did not answer
        assertFalse(byAgent.get("nowhere").succeeded());
        assertTrue(byAgent.get("nowhere").message().startsWith("Agent 'nowhere' was not added: "),
                byAgent.get("nowhere").message());
        assertFalse(byAgent.get("bad").succeeded());
        assertEquals("Line 3: '99999' is not a TCP port (1 to 65535).", byAgent.get("bad").message());
        assertTrue(fleet.list().isEmpty(), "nothing added");
    }
}
