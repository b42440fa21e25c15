package org.certbench.crypto.internal;

import org.certbench.core.TextBundle;

/**
 * Texts an administrator reads. A plain {@link ResourceBundle} rather than Equinox NLS because the agent
 * program runs this bundle without OSGi; the class loader is passed explicitly so the lookup finds the
 * properties inside this bundle under OSGi too.
 */
public final class Messages {

    private static final TextBundle TEXTS = new TextBundle("org.certbench.crypto.internal.messages", Messages.class.getClassLoader());

    private Messages() {
    }

    public static String format(String key, Object... arguments) {
        return TEXTS.format(key, arguments);
    }
}
