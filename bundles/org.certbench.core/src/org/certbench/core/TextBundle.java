package org.certbench.core;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts an administrator reads, for code that also runs without OSGi (crypto core, protocol, agent): a plain
 * {@link ResourceBundle} looked up with the caller's class loader, so the properties inside a bundle are found
 * under OSGi too, and filled in with {@link MessageFormat} (write {@code ''} for an apostrophe).
 */
public final class TextBundle {

    private final String baseName;
    private final ClassLoader loader;

    public TextBundle(String baseName, ClassLoader loader) {
        this.baseName = baseName;
        this.loader = loader;
    }

    public String format(String key, Object... arguments) {
        return new MessageFormat(pattern(key), Locale.ROOT).format(arguments == null ? new Object[0] : arguments);
    }

    private String pattern(String key) {
        try {
            return ResourceBundle.getBundle(baseName, Locale.getDefault(), loader).getString(key);
        } catch (MissingResourceException e) {
            return '!' + key + '!';
        }
    }
}
