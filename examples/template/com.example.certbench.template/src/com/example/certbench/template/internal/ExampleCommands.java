package com.example.certbench.template.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;

/** The plug-in's shell command: {@code example:hello} in the one-shot shell and at the g! prompt. */
@Component(service = ExampleCommands.class, property = { "osgi.command.scope=example", //$NON-NLS-1$
        "osgi.command.function=hello" }) //$NON-NLS-1$
public final class ExampleCommands {

    @Descriptor("says that the template plug-in runs")
    public String hello() {
        return Messages.Command_hello;
    }
}
