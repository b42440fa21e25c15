package org.certbench.messages.internal.commands;

import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.certbench.messages.SystemMessages;
import org.certbench.core.commands.CommandException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code messages:list} and {@code messages:read}: the bell, headless. */
@Component(service = MessagesCommands.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=messages",
        CommandProcessor.COMMAND_FUNCTION + "=list",
        CommandProcessor.COMMAND_FUNCTION + "=read" })
public final class MessagesCommands {

    private final SystemMessages messages;

    @Activate
    public MessagesCommands(@Reference SystemMessages messages) {
        this.messages = messages;
    }

    @Descriptor("list the system messages, newest first")
    public List<MessageRow> list(
            @Descriptor("only the unread ones") @Parameter(names = "--unread", presentValue = "true",
                    absentValue = "false") boolean unreadOnly) {
        return messages.list().stream()
                .filter(message -> !unreadOnly || !message.read())
                .map(MessageRow::of)
                .toList();
    }

    @Descriptor("mark a system message read, or all of them with --all")
    public String read(@Descriptor("the message's id (a unique prefix is enough), or --all") String id) {
        if ("--all".equals(id)) {
            int marked = messages.markAllRead();
            return marked == 1 ? "1 message marked read" : marked + " messages marked read";
        }
        try {
            return "marked read: " + messages.markRead(id).text();
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }
}
