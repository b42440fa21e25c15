package org.certbench.agent;

import org.certbench.core.TextBundle;

/**
 * Texts an administrator reads (CLI output, help, log lines, error messages). A plain
 * {@link ResourceBundle}: the agent runs without OSGi.
 */
public final class Messages {

    private static final TextBundle TEXTS = new TextBundle("org.certbench.agent.messages", Messages.class.getClassLoader());

    private Messages() {
    }

    public static String format(String key, Object... arguments) {
        return TEXTS.format(key, arguments);
    }
}
