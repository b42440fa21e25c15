package org.certbench.messages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.certbench.core.AuditLog;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An audit log that cannot be written is said in a system message, once an hour, not once per change. */
class AuditFailureMessagesTest {

    @TempDir
    Path work;

    private Instant now = Instant.parse("2026-12-03T08:00:00Z");
    private java.util.function.Consumer<AuditLog.NotWritten> installedListener;

    private StoredSystemMessages messages() throws Exception {
        return new StoredSystemMessages(new MessageFile(work.resolve("messages/messages.tsv")), Clock.systemUTC(),
                unread -> {
                });
    }

    /** Installed as the messages bundle installs it, with a clock the test moves. */
    private void install(StoredSystemMessages messages) {
        AuditFailureMessages reporter = new AuditFailureMessages(messages, new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        });
        installedListener = reporter::report;
        AuditLog.addFailureListener(installedListener);
    }

    @AfterEach
    void uninstall() {
        AuditLog.removeFailureListener(installedListener);
    }

    /** An audit directory that cannot be made, even by root: where it should be, a file is. */
    private AuditLog brokenLog() throws Exception {
        Path blocked = Files.writeString(work.resolve("home"), "a file, not the home directory");
        return new AuditLog(blocked.resolve("audit"), null, Clock.systemUTC());
    }

    @Test
    void aFailedEntryIsAnErrorMessageNamingTheDirectoryAndTheChange() throws Exception {
        StoredSystemMessages messages = messages();
        install(messages);
        AuditLog log = brokenLog();

        assertFalse(log.succeeded("ca.import", "CN=Fleet CA", null, "AB:CD"));

        List<SystemMessage> posted = messages.list();
        assertEquals(1, posted.size());
        assertEquals(Severity.ERROR, posted.get(0).severity());
        assertEquals("Audit log", posted.get(0).source());
        String text = posted.get(0).text();
        assertEquals("The audit log in " + log.directory() + " cannot be written: ", text.substring(0,
                text.indexOf(": ") + 2));
        assertEquals(true, text.contains(". The change stands, but the ca.import of CN=Fleet CA is not recorded, and later"
                + " changes may not be either until it is fixed (the directory must be writable by the user running"
                + " CertBench)."), text);
        assertEquals(true, text.contains("at most once every 60 minutes"), text);
    }

    @Test
    void aBrokenDiskIsReportedOnceAnHourNotOncePerChange() throws Exception {
        StoredSystemMessages messages = messages();
        install(messages);
        AuditLog log = brokenLog();

        for (int i = 0; i < 50; i++) {
            log.succeeded("agent.add", "agent-" + i, null, null);
        }
        assertEquals(1, messages.list().size(), "50 failures within the hour");

        now = now.plus(Duration.ofMinutes(61));
        log.succeeded("agent.add", "agent-50", null, null);

        assertEquals(2, messages.list().size(), "reported again in the next hour");
        assertEquals(true, messages.list().get(0).text().contains("agent-50"), messages.list().get(0).text());
    }

    @Test
    void theWorkbenchAndAShellTogetherReportItOnceAnHour() throws Exception {
        StoredSystemMessages workbench = messages();
        AuditFailureMessages workbenchReporter = new AuditFailureMessages(workbench, Clock.fixed(now, ZoneOffset.UTC));
        AuditFailureMessages shellReporter = new AuditFailureMessages(messages(), Clock.fixed(now, ZoneOffset.UTC));
        AuditLog log = brokenLog();
        AuditLog.NotWritten failure = new AuditLog.NotWritten(log.directory(), "ca.delete", "CN=Old CA", 1,
                "Read-only file system");

        workbenchReporter.report(failure);
        shellReporter.report(failure);

        assertEquals(1, workbench.list().size());
    }

    @Test
    void aBatchThatCannotBeWrittenSaysHowManyEntries() throws Exception {
        StoredSystemMessages messages = messages();
        AuditFailureMessages reporter = new AuditFailureMessages(messages, Clock.fixed(now, ZoneOffset.UTC));
        AuditLog log = brokenLog();

        reporter.report(new AuditLog.NotWritten(log.directory(), "agent.apply", "db-01", 120, "No space left on device"));

        String text = messages.list().get(0).text();
        assertEquals(true, text.contains(": No space left on device. The change stands, but 120 entries of agent.apply "
                + "are not recorded"), text);
    }
}
