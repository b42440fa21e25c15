package org.certbench.agents.connector.internal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.MessageFormat;
import java.util.List;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.internal.Messages;
import org.certbench.core.commands.BatchFailedException;
import org.junit.jupiter.api.Test;

/** A batch command's first line counts its agents as English does: "1 of 1 agent failed", "2 of 3 agents". */
class AgentOutcomeTest {

    @Test
    void oneAgentIsAnAgentAndSeveralAreAgents() {
        BatchResult<String> one = new BatchResult<>(List.of(AgentResult.failed("web-1", "refused")), List.of());
        BatchResult<String> three = new BatchResult<>(List.of(AgentResult.failed("web-1", "refused"),
                AgentResult.succeeded("web-2", "ok", null), AgentResult.canceled("web-3", "cancelled")), List.of());

        assertEquals("apply: 1 of 1 agent failed or was not run", firstLine(one));
        assertEquals("apply: 2 of 3 agents failed or were not run", firstLine(three));
        // no batch without a failure throws; the words for none still read as English
        assertEquals("apply: 0 of 0 agents failed or were not run",
                MessageFormat.format(Messages.Command_batchFailed, "apply", 0, 0));
    }

    private static String firstLine(BatchResult<String> batch) {
        BatchFailedException failed = assertThrows(BatchFailedException.class,
                () -> AgentOutcome.of(batch, value -> value, "apply"));
        return failed.getMessage().lines().findFirst().orElseThrow();
    }
}
