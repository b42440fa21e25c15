package org.certbench.issuers.internal.commands;

import java.nio.file.Path;
import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.Issuers;
import org.certbench.issuers.internal.Messages;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code issuer:*} — the issuers this console knows, headless. */
@Component(service = IssuerCommands.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=issuer",
        CommandProcessor.COMMAND_FUNCTION + "=list",
        CommandProcessor.COMMAND_FUNCTION + "=show",
        CommandProcessor.COMMAND_FUNCTION + "=export",
        CommandProcessor.COMMAND_FUNCTION + "=remove",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.issuers.internal.commands.help" })
public final class IssuerCommands {

    private final Issuers issuers;

    @Activate
    public IssuerCommands(@Reference Issuers issuers) {
        this.issuers = issuers;
    }

    public List<IssuerRow> list() {
        return issuers.list().stream().map(IssuerRow::of).toList();
    }

    public IssuerShown show(String name) {
        try {
            return IssuerShown.of(issuers.get(name));
        } catch (IssuerException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    public String export(String name, String file) {
        try {
            issuers.exportCaCertificates(name, Path.of(file));
            return NLS.bind(Messages.Command_exported, new Object[] { name, file,
                    issuers.get(name).caCertificates().get(0).sha256Fingerprint() });
        } catch (IssuerException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    public String remove(String name) {
        try {
            issuers.remove(name);
            return NLS.bind(Messages.Command_removed, name);
        } catch (IssuerException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }
}
