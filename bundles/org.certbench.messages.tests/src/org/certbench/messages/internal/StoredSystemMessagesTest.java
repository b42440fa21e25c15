package org.certbench.messages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredSystemMessagesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    private final List<Integer> announced = new ArrayList<>();

    private StoredSystemMessages open() throws IOException {
        return new StoredSystemMessages(new MessageFile(directory.resolve("messages/messages.tsv")), CLOCK,
                announced::add);
    }

    @Test
    void aPostedMessageSurvivesARestart() throws IOException {
        SystemMessage posted = open().post(Severity.ERROR, "CA certificates",
                "The CA certificate 'Root\tCA' expired on 2026-11-24.\nImport its successor.", "expired:ab12");

        List<SystemMessage> afterRestart = open().list();

        assertEquals(List.of(posted), afterRestart);
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), posted.time());
        assertFalse(posted.read());
    }

    @Test
    void aConditionWithTheSameKeyIsReportedOnceEvenAfterItWasRead() throws IOException {
        StoredSystemMessages messages = open();
        SystemMessage first = messages.post(Severity.ERROR, "CA certificates", "expired", "expired:ab12");
        messages.markRead(first.id());

        SystemMessage again = messages.post(Severity.ERROR, "CA certificates", "expired", "expired:ab12");

        assertEquals(first.id(), again.id());
        assertEquals(1, messages.list().size());
        assertEquals(0, messages.unreadCount());
    }

    @Test
    void messagesWithoutKeyAreAllKeptNewestFirst() throws IOException {
        StoredSystemMessages messages = open();
        SystemMessage older = messages.post(Severity.INFO, "Host certificates", "applied", null);
        SystemMessage newer = messages.post(Severity.INFO, "Host certificates", "applied", null);

        assertEquals(List.of(newer, older), messages.list());
        assertEquals(2, messages.unreadCount());
    }

    @Test
    void everyChangeAnnouncesTheUnreadCount() throws IOException {
        StoredSystemMessages messages = open();
        SystemMessage a = messages.post(Severity.INFO, "test", "a", null);
        messages.post(Severity.INFO, "test", "b", null);
        messages.markRead(a.id());
        messages.markAllRead();

        assertEquals(List.of(1, 2, 1, 0), announced);
    }

    @Test
    void markReadTakesAUniquePrefix() throws IOException {
        StoredSystemMessages messages = open();
        SystemMessage message = messages.post(Severity.WARNING, "test", "text", null);

        SystemMessage marked = messages.markRead(message.id().substring(0, 4));

        assertTrue(marked.read());
        assertTrue(open().list().get(0).read(), "read state is persisted");
    }

    @Test
    void anUnknownAmbiguousOrMissingIdIsRefusedInWords() throws IOException {
        Path file = directory.resolve("messages/messages.tsv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, MessageFile.HEADER + "\n"
                + "aa01\t2026-11-01T00:00:00Z\tINFO\t0\t\ttest\tfirst\n"
                + "aa02\t2026-11-02T00:00:00Z\tINFO\t0\t\ttest\tsecond\n");
        StoredSystemMessages messages = open();

        assertEquals("no system message has the id 'zz'",
                assertThrows(IllegalArgumentException.class, () -> messages.markRead("zz")).getMessage());
        assertEquals("more than one message has an id starting with 'aa'; give more characters",
                assertThrows(IllegalArgumentException.class, () -> messages.markRead("aa")).getMessage());
        assertEquals("which message? Give its id (a unique prefix is enough)",
                assertThrows(IllegalArgumentException.class, () -> messages.markRead(" ")).getMessage());
        assertEquals("first", messages.markRead("aa01").text());
    }

    @Test
    void markAllReadCountsWhatWasUnread() throws IOException {
        StoredSystemMessages messages = open();
        messages.post(Severity.INFO, "test", "a", null);
        messages.post(Severity.INFO, "test", "b", null);

        assertEquals(2, messages.markAllRead());
        assertEquals(0, messages.markAllRead());
        assertEquals(0, messages.unreadCount());
    }

    @Test
    void aMessageWithoutTextIsRefused() throws IOException {
        StoredSystemMessages messages = open();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> messages.post(Severity.INFO, "test", " ", null));

        assertEquals("a system message needs a source and a text", refused.getMessage());
    }

    @Test
    void damagedLinesAreDroppedWithAWarningAndTheRestIsKept() throws IOException {
        SystemMessage kept = open().post(Severity.INFO, "test", "kept", null);
        Path file = directory.resolve("messages/messages.tsv");
        Files.writeString(file, Files.readString(file) + "garbage line\nabc\tnot-a-time\tINFO\t0\t\tx\ty\n");

        StoredSystemMessages reopened = open();

        assertEquals(2, reopened.list().size());
        assertEquals(kept, reopened.list().get(1));
        SystemMessage warning = reopened.list().get(0);
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals("2 damaged lines of " + file + " could not be read and were dropped; the other messages are kept.",
                warning.text());
    }

    @Test
    void oneDamagedLineIsCountedInTheSingular() throws IOException {
        open().post(Severity.INFO, "test", "kept", null);
        Path file = directory.resolve("messages/messages.tsv");
        Files.writeString(file, Files.readString(file) + "garbage line\n");

        SystemMessage warning = open().list().get(0);

        assertEquals("1 damaged line of " + file + " could not be read and was dropped; the other messages are kept.",
                warning.text());
    }

    @Test
    void whenTheFileCannotBeWrittenNothingChangesAndTheErrorSaysWhere() throws IOException {
        Path blocker = directory.resolve("blocked");
        StoredSystemMessages messages = new StoredSystemMessages(new MessageFile(blocker.resolve("messages.tsv")),
                CLOCK, announced::add);
        Files.writeString(blocker, "a file where the messages directory should be");

        UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> messages.post(Severity.INFO, "test", "text", null));

        assertTrue(failure.getMessage().startsWith("cannot save the system messages to " + blocker.resolve("messages.tsv")),
                failure.getMessage());
        assertEquals(List.of(), messages.list());
        assertEquals(List.of(), announced);
    }

    @Test
    void theFileIsReadableText() throws IOException {
        open().post(Severity.ERROR, "CA certificates", "line one\nline two", "k");

        List<String> lines = Files.readAllLines(directory.resolve("messages/messages.tsv"), StandardCharsets.UTF_8);

        assertEquals(MessageFile.HEADER, lines.get(0));
        assertTrue(lines.get(1).endsWith("\t2026-11-25T10:00:00Z\tERROR\t0\tk\tCA certificates\tline one\\nline two"),
                lines.get(1));
    }

    @Test
    void escapingRoundTrips() {
        String text = "a\tb\\c\nd\re\\";
        assertEquals(text, MessageFile.unescape(MessageFile.escape(text)));
    }
}
