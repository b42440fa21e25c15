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
 * <li>{@code FUNCTION}{@value #USAGE_SUFFIX} — its arguments, one line for each way to call it (an empty line for
 * no arguments), e.g. {@code [--der] ID FILE}; shown after {@code SCOPE:FUNCTION} by {@code help} and with a
 * wrong call;</li>
 * <li>{@code FUNCTION}{@value #OPTIONS_SUFFIX} — what each option and argument means, one per line.</li>
 * </ul>
 * A command without them is still listed, saying that it has no description.
 */
public final class CommandHelp {

    /** The service property naming the command's help texts (a resource bundle base name). */
    public static final String MESSAGES_PROPERTY = "certbench.command.messages";

    /** Appended to a function's name: the key of its usage and options. */
    public static final String USAGE_SUFFIX = ".usage";

    /** Appended to a function's name: the key of what its options and arguments mean. */
    public static final String OPTIONS_SUFFIX = ".options";

    private CommandHelp() {
    }
}
