package org.certbench.agents.ui.internal;

import java.text.MessageFormat;

/**
 * Counts as English reads them: "1 agent", "3 agents". The words are a {@link MessageFormat} choice pattern in
 * messages.properties, the way expiry and notify word their counts, so a translation brings as many forms as its
 * language has.
 */
public final class Plural {

    private Plural() {
    }

    /** {@return "1 agent" or "n agents"} */
    public static String agents(int count) {
        return MessageFormat.format(Messages.Count_agents, String.valueOf(count), count);
    }
}
