package org.certbench.plugins.internal.commands;

import java.nio.file.Path;
import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Descriptor;
import org.certbench.plugins.PluginException;
import org.certbench.plugins.PluginInfo;
import org.certbench.plugins.Plugins;
import org.certbench.core.commands.CommandException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code plugin:install}, {@code plugin:list}, {@code plugin:remove}. */
@Component(service = PluginCommands.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=plugin",
        CommandProcessor.COMMAND_FUNCTION + "=install",
        CommandProcessor.COMMAND_FUNCTION + "=list",
        CommandProcessor.COMMAND_FUNCTION + "=remove" })
public final class PluginCommands {

    private final Plugins plugins;

    @Activate
    public PluginCommands(@Reference Plugins plugins) {
        this.plugins = plugins;
    }

    @Descriptor("install a plug-in (an OSGi bundle built against CertBench's API); it starts with the next start")
    public PluginInfo install(@Descriptor("the plug-in's jar file") String jar) {
        try {
            return plugins.install(Path.of(jar));
        } catch (PluginException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    @Descriptor("list the installed plug-ins")
    public List<PluginInfo> list() {
        return plugins.list();
    }

    @Descriptor("remove a plug-in")
    public PluginInfo remove(@Descriptor("its name (bundle symbolic name, as plugin:list shows it)") String name) {
        try {
            return plugins.remove(name);
        } catch (PluginException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }
}
