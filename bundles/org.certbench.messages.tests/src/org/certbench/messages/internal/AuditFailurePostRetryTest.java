package org.certbench.messages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.certbench.core.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report that could not be posted (the messages could not be saved either) does not silence the rest of the hour. */
class AuditFailurePostRetryTest {

    @TempDir
    Path work;

    @Test
    void aReportWhosePostFailedIsPostedAtTheNextFailureOfTheHour() throws Exception {
        Path directory = Files.createDirectory(work.resolve("messages"));
        StoredSystemMessages messages = new StoredSystemMessages(new MessageFile(directory.resolve("messages.tsv")),
                Clock.systemUTC(), unread -> {
                });
        AuditFailureMessages reporter = new AuditFailureMessages(messages,
                Clock.fixed(Instant.parse("2026-12-03T10:15:00Z"), ZoneOffset.UTC));
        AuditLog.NotWritten failure = new AuditLog.NotWritten(work.resolve("audit"), "ca.import", "CN=Root", 1,
                "No space left on device");
        // the messages' directory replaced by a file: the post cannot be saved
        Files.delete(directory);
        Files.writeString(directory, "not a directory");
        assertThrows(UncheckedIOException.class, () -> reporter.report(failure));

        Files.delete(directory);
        Files.createDirectory(directory);
        reporter.report(failure);

        assertEquals(1, messages.list().size(), "the second failure of the hour was reported");
    }
}
