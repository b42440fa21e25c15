package org.certbench.shell.internal;

import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code help} — CertBench's list of commands, in place of {@code felix:help}'s: it lists what is registered
 * by the names administrators type (Gogo's help lists Java method names, and misses {@code ca:import}, whose
 * method is {@code _import}), with the texts of each command's bundle, which can be translated (Gogo's
 * {@code @Descriptor} takes compile-time constants only). The shell's sessions look in the {@code certbench}
 * scope first, so a plain {@code help} is this one.
 */
@Component(service = HelpCommand.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=certbench",
        CommandProcessor.COMMAND_FUNCTION + "=help",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.shell.internal.help" })
public final class HelpCommand {

    private final CommandCatalog catalog;

    @Activate
    public HelpCommand(BundleContext context) {
        this.catalog = new CommandCatalog(context);
    }

    public List<CommandSummary> help() {
        return catalog.all().stream().map(command -> new CommandSummary(command.name(), command.description()))
                .toList();
    }

    /** One command's usage; for a function name several scopes have ({@code import}), one per scope. */
    public Object help(String name) {
        List<CommandTexts> commands = catalog.named(name);
        if (commands.isEmpty()) {
            throw new UnknownCommand(catalog.toolNamed(name)
                    .map(tool -> NLS.bind(Messages.Help_gogoCommand, tool,
                            tool.substring(tool.indexOf(':') + 1)))
                    .orElseGet(() -> NLS.bind(Messages.Help_noSuchCommand, name)));
        }
        List<CommandUsage> usages = commands.stream().map(CommandUsage::of).toList();
        return usages.size() == 1 ? usages.get(0) : usages;
    }

    /** {@code help NAME} for a name no CertBench command has: a usage error, as running it would be. */
    static final class UnknownCommand extends CommandException {

        private static final long serialVersionUID = 1L;

        UnknownCommand(String message) {
            super(message);
        }
    }

    /** One line of the list. */
    public record CommandSummary(String command, String description) {
    }
}
