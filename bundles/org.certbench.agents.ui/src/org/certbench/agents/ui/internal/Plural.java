package org.certbench.agents.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Counts as English reads them: "1 agent", "3 agents" (the words come from messages.properties). */
public final class Plural {

    private Plural() {
    }

    /** {@return "1 agent" or "n agents"} */
    public static String agents(int count) {
        return NLS.bind(count == 1 ? Messages.Count_agent : Messages.Count_agents, count);
    }
}
