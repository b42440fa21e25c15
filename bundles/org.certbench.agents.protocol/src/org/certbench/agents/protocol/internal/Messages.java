package org.certbench.agents.protocol.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts an administrator reads. A plain {@link ResourceBundle} rather than Equinox NLS because the agent
 * program uses this bundle without OSGi; the class loader is passed explicitly so the lookup finds the
 * properties inside this bundle under OSGi too.
 */
public final class Messages {

    private static final String BUNDLE_NAME = "org.certbench.agents.protocol.internal.messages";

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
