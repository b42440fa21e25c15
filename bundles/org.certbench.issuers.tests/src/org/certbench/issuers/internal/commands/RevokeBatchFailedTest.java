package org.certbench.issuers.internal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The first line of a failed revoke counts the agents as English does, for none, one and many. */
class RevokeBatchFailedTest {

    @Test
    void oneAgentIsAnAgentAndSeveralAreAgents() {
        assertEquals("revoke: 0 of 0 agents failed", RevokeCommand.batchFailed(0, 0));
        assertEquals("revoke: 1 of 1 agent failed", RevokeCommand.batchFailed(1, 1));
        assertEquals("revoke: 2 of 1200 agents failed", RevokeCommand.batchFailed(2, 1200));
    }
}
