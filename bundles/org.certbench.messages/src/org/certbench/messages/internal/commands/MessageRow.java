package org.certbench.messages.internal.commands;

import java.time.Instant;

import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;

/** A system message as {@code messages:list} shows it. */
public record MessageRow(String id, Instant time, Severity severity, String source, boolean read, String text) {

    static MessageRow of(SystemMessage message) {
        return new MessageRow(message.id(), message.time(), message.severity(), message.source(), message.read(),
                message.text());
    }
}
