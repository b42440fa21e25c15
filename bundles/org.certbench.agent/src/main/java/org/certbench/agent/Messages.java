package org.certbench.agent;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts an administrator reads (CLI output, help, log lines, error messages). A plain
 * {@link ResourceBundle}: the agent runs without OSGi.
 */
public final class Messages {

    private static final String BUNDLE_NAME = "org.certbench.agent.messages";

    private Messages() {
    }

    public static String format(String key, Object... arguments) {
        return new MessageFormat(pattern(key), Locale.ROOT).format(arguments == null ? new Object[0] : arguments);
    }

    private static String pattern(String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE_NAME, Locale.getDefault(), Messages.class.getClassLoader())
                    .getString(key);
        } catch (MissingResourceException e) {
            return '!' + key + '!';
        }
    }
}
