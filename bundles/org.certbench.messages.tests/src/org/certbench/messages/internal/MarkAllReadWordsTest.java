package org.certbench.messages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.certbench.messages.Severity;
import org.certbench.messages.internal.commands.MessagesCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** messages:read --all counts what it marked as English does: "0 messages", "1 message", "2 messages". */
class MarkAllReadWordsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    @Test
    void noneOneAndMany() throws IOException {
        StoredSystemMessages messages = new StoredSystemMessages(
                new MessageFile(directory.resolve("messages/messages.tsv")), CLOCK, count -> { });
        MessagesCommands commands = new MessagesCommands(messages);

        assertEquals("0 messages marked read", commands.read("--all"));
        messages.post(Severity.WARNING, "test", "first", null);
        assertEquals("1 message marked read", commands.read("--all"));
        messages.post(Severity.WARNING, "test", "second", null);
        messages.post(Severity.ERROR, "test", "third", null);
        assertEquals("2 messages marked read", commands.read("--all"));
    }
}
