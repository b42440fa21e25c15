package org.certbench.core;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts an administrator reads, for code that also runs without OSGi (crypto core, protocol, agent): a plain
 * {@link ResourceBundle} looked up with the caller's class loader, so the properties inside a bundle are found
 * under OSGi too, and filled in with {@link MessageFormat} (write {@code ''} for an apostrophe).
 * <p>
 * Immutable and thread-safe; the bundle is looked up on each call (the JDK caches it).
 */
public final class TextBundle {

    private final String baseName;
    private final ClassLoader loader;

    /**
     * Texts from a properties bundle, in the default locale, English where a translation lacks a key.
     * @param baseName the properties' base name, e.g. {@code org.certbench.crypto.internal.messages}; not null
     * @param loader   the class loader that sees them, usually the caller's class's; not null
     */
    public TextBundle(String baseName, ClassLoader loader) {
        this.baseName = baseName;
        this.loader = loader;
    }

    /**
     * The text of {@code key} in the default locale, with {@code arguments} filled in. Never throws for a
     * missing bundle or key: the result is then {@code !key!}, so the gap shows instead of failing the caller.
     *
     * @param arguments the values of {@code {0}}, {@code {1}}, …; {@code null} counts as none
     * @return never {@code null}
     */
    public String format(String key, Object... arguments) {
        return fill(pattern(key), arguments);
    }

    /**
     * {@code pattern} filled in with {@link MessageFormat} in {@link Locale#ROOT}: numbers in ASCII digits whatever
     * the default locale (in some, {@code MessageFormat.format} writes Arabic-Indic digits), as scripts read the
     * shell's output, the logs and the system messages; a choice ({@code {0,choice,0#…|1#…|1<…}}) picks the words
     * for a count. For service texts from an Eclipse NLS class, whose {@code NLS.bind} knows no choice.
     *
     * @param arguments the values of {@code {0}}, {@code {1}}, …; {@code null} counts as none
     * @return never {@code null}
     * @since 1.5
     */
    public static String fill(String pattern, Object... arguments) {
        return new MessageFormat(pattern, Locale.ROOT).format(arguments == null ? new Object[0] : arguments);
    }

    private String pattern(String key) {
        try {
            return ResourceBundle.getBundle(baseName, Locale.getDefault(), loader).getString(key);
        } catch (MissingResourceException e) {
            return '!' + key + '!';
        }
    }
}
