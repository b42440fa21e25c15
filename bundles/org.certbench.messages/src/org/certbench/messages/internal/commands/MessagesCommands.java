package org.certbench.messages.internal.commands;

import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Parameter;
import org.certbench.core.TextBundle;
import org.certbench.messages.SystemMessages;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code messages:list} and {@code messages:read}: the bell, headless. */
@Component(service = MessagesCommands.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=messages",
        CommandProcessor.COMMAND_FUNCTION + "=list",
        CommandProcessor.COMMAND_FUNCTION + "=read",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.messages.internal.commands.help" })
public final class MessagesCommands {

    private final SystemMessages messages;

    @Activate
    public MessagesCommands(@Reference SystemMessages messages) {
        this.messages = messages;
    }

    public List<MessageRow> list(
            @Parameter(names = "--unread", presentValue = "true",
                    absentValue = "false") boolean unreadOnly) {
        return messages.list().stream()
                .filter(message -> !unreadOnly || !message.read())
                .map(MessageRow::of)
                .toList();
    }

    public String read(String id) {
        if ("--all".equals(id)) { //$NON-NLS-1$
            int marked = messages.markAllRead();
            return TextBundle.fill(Messages.Command_markedAll, marked);
        }
        try {
            return NLS.bind(Messages.Command_marked, messages.markRead(id).text());
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }
}
