package org.certbench.example.haproxy.internal;

import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.certbench.example.haproxy.HaproxyException;
import org.certbench.example.haproxy.HaproxyFrontend;
import org.certbench.example.haproxy.HaproxyMonitor;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code haproxy:status} — HAProxy's frontends and the certificate each serves, through its runtime API. */
@Component(service = HaproxyCommands.class, property = { CommandProcessor.COMMAND_SCOPE + "=haproxy", //$NON-NLS-1$
        CommandProcessor.COMMAND_FUNCTION + "=status",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.example.haproxy.internal.help" }) //$NON-NLS-1$
public final class HaproxyCommands {

    private final HaproxyMonitor monitor;

    @Activate
    public HaproxyCommands(@Reference HaproxyMonitor monitor) {
        this.monitor = monitor;
    }

    public List<HaproxyFrontend> status() {
        try {
            return monitor.frontends();
        } catch (HaproxyException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }
}
