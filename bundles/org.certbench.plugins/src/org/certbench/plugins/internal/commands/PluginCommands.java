package org.certbench.plugins.internal.commands;

import java.nio.file.Path;
import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.certbench.plugins.PluginException;
import org.certbench.plugins.PluginInfo;
import org.certbench.plugins.Plugins;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code plugin:install}, {@code plugin:list}, {@code plugin:remove}. */
@Component(service = PluginCommands.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=plugin",
        CommandProcessor.COMMAND_FUNCTION + "=install",
        CommandProcessor.COMMAND_FUNCTION + "=list",
        CommandProcessor.COMMAND_FUNCTION + "=remove",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.plugins.internal.commands.help" })
public final class PluginCommands {

    private final Plugins plugins;

    @Activate
    public PluginCommands(@Reference Plugins plugins) {
        this.plugins = plugins;
    }

    public PluginInfo install(String jar) {
        try {
            return plugins.install(Path.of(jar));
        } catch (PluginException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    public List<PluginInfo> list() {
        return plugins.list();
    }

    public PluginInfo remove(String name) {
        try {
            return plugins.remove(name);
        } catch (PluginException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }
}
