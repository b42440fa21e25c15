package org.certbench.core.commands;

/**
 * How a command gives the shell's {@code help} its texts: from a properties file of the command's own bundle,
 * so that they are translated like every other text (Gogo's {@code @Descriptor} takes only compile-time
 * constants).
 * <p>
 * The command's component names the file by the {@link #MESSAGES_PROPERTY} service property, a resource bundle
 * base name read through the bundle's class loader (e.g. {@code com.example.myplugin.internal.help} for
 * {@code com/example/myplugin/internal/help.properties}, and {@code help_de.properties} beside it). Its keys,
 * for each function the component registers:
 * <ul>
 * <li>{@code FUNCTION} — one line: what the command does (shown in the list);</li>
 * <li>{@code FUNCTION}{@value #USAGE_SUFFIX} — how to call it and its options, one per line (shown by
 * {@code help SCOPE:FUNCTION}).</li>
 * </ul>
 * A command without them is still listed, saying that it has no description.
 */
public final class CommandHelp {

    /** The service property naming the command's help texts (a resource bundle base name). */
    public static final String MESSAGES_PROPERTY = "certbench.command.messages";

    /** Appended to a function's name: the key of its usage and options. */
    public static final String USAGE_SUFFIX = ".usage";

    private CommandHelp() {
    }
}
