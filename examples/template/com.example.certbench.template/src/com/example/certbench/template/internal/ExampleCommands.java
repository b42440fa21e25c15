package com.example.certbench.template.internal;

import org.certbench.core.commands.CommandHelp;
import org.osgi.service.component.annotations.Component;

/**
 * The plug-in's shell command: {@code example:hello} in the one-shot shell and at the g! prompt. Its texts for
 * {@code help} come from {@code help.properties} beside this class, named by the {@link CommandHelp} service
 * property, so they are translated like the plug-in's other texts.
 */
@Component(service = ExampleCommands.class, property = { "osgi.command.scope=example", //$NON-NLS-1$
        "osgi.command.function=hello", //$NON-NLS-1$
        CommandHelp.MESSAGES_PROPERTY + "=com.example.certbench.template.internal.help" }) //$NON-NLS-1$
public final class ExampleCommands {

    public String hello() {
        return Messages.Command_hello;
    }
}
