package org.certbench.agents.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Agents view's counts read as English for none, one and many (choice patterns in messages.properties). */
class CountWordsTest {

    @Test
    void agentsAreCounted() {
        assertEquals("0 agents", Plural.agents(0));
        assertEquals("1 agent", Plural.agents(1));
        assertEquals("1200 agents", Plural.agents(1200));
    }

    @Test
    void theDaysBeforeTheEndAreCounted() {
        assertEquals("The certificate expires in less than a day, on 2026-12-04.", AgentRow.expiring(0, "2026-12-04"));
        assertEquals("The certificate expires in 1 day, on 2026-12-05.", AgentRow.expiring(1, "2026-12-05"));
        assertEquals("The certificate expires in 12 days, on 2026-12-16.", AgentRow.expiring(12, "2026-12-16"));
    }
}
