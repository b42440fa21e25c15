package org.certbench.messages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.certbench.core.FileStamp;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One messages file used by the workbench and a shell at once: each holds its own copy in memory, and nothing
 * either posts or marks read is lost or posted twice.
 */
class SharedMessagesFileTest {

    @TempDir
    Path directory;

    private final List<Integer> announced = new CopyOnWriteArrayList<>();

    private Path file() {
        return directory.resolve("messages/messages.tsv");
    }

    private StoredSystemMessages open() throws IOException {
        return new StoredSystemMessages(new MessageFile(file()), Clock.systemUTC(), announced::add);
    }

    @Test
    void whatAnotherHolderPostedIsKeptWhenThisOnePostsAfterIt() throws IOException {
        StoredSystemMessages workbench = open();
        StoredSystemMessages shell = open();

        workbench.post(Severity.INFO, "Workbench", "first", null);
        shell.post(Severity.INFO, "Shell", "second", null);
        workbench.post(Severity.INFO, "Workbench", "third", null);

        assertEquals(List.of("third", "second", "first"), texts(workbench.list()));
        assertEquals(List.of("third", "second", "first"), texts(shell.list()));
        assertEquals(List.of("third", "second", "first"), texts(open().list()), "on disk");
    }

    @Test
    void markingReadInOneHolderIsNotUndoneByTheOther() throws IOException {
        StoredSystemMessages workbench = open();
        StoredSystemMessages shell = open();
        SystemMessage posted = workbench.post(Severity.WARNING, "Workbench", "expires soon", null);

        shell.markRead(posted.id());
        workbench.post(Severity.INFO, "Workbench", "later", null);

        assertEquals(1, workbench.unreadCount());
        assertEquals(1, open().unreadCount(), "on disk");
    }

    @Test
    void aConditionAnotherHolderReportedIsNotReportedTwice() throws IOException {
        StoredSystemMessages workbench = open();
        StoredSystemMessages shell = open();

        SystemMessage first = shell.post(Severity.ERROR, "CA certificates", "expired", "expired:ab12");
        SystemMessage again = workbench.post(Severity.ERROR, "CA certificates", "expired", "expired:ab12");

        assertEquals(first.id(), again.id());
        assertEquals(1, open().list().size());
    }

    @Test
    void theWatchTellsTheBellWhatAnotherHolderPosted() throws Exception {
        StoredSystemMessages workbench = open();
        workbench.watch(Duration.ofMillis(20));
        try {
            open().post(Severity.ERROR, "Shell", "posted by the shell", null);

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!announced.contains(1) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(announced.contains(1), "the workbench announced 1 unread: " + announced);
        } finally {
            workbench.stop();
        }
    }

    @Test
    void aSecondProcessPostingWhileThisOnePostsLosesNothing() throws Exception {
        int count = 40;
        StoredSystemMessages workbench = open();
        Process shell = new ProcessBuilder(java(), "-cp", classPath(), MessagesProcess.class.getName(),
                file().toString(), Integer.toString(count)).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(shell.getInputStream(),
                    StandardCharsets.UTF_8));
            String ready = output.readLine();
            assertEquals("ready", ready, "the second process started (class path " + classPath() + ")");
            try (Writer go = new OutputStreamWriter(shell.getOutputStream(), StandardCharsets.UTF_8)) {
                go.write("go\n");
            }
            for (int i = 0; i < count; i++) {
                workbench.post(Severity.INFO, "Workbench", "from the workbench " + i, null);
            }
            assertTrue(shell.waitFor(120, TimeUnit.SECONDS), "the second process ended");
            String rest = String.join("\n", output.lines().toList());
            assertEquals(0, shell.exitValue(), rest);
            assertEquals("posted " + count, rest);
        } finally {
            shell.destroyForcibly();
        }

        Set<String> expected = new HashSet<>();
        for (int i = 0; i < count; i++) {
            expected.add("from the workbench " + i);
            expected.add("from the shell " + i);
        }
        assertEquals(expected, new HashSet<>(texts(workbench.list())), "the workbench's view");
        assertEquals(2 * count, workbench.list().size());
        assertEquals(expected, new HashSet<>(texts(open().list())), "on disk");
    }

    private static List<String> texts(List<SystemMessage> messages) {
        return messages.stream().map(SystemMessage::text).toList();
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Where the classes the second process needs come from in this framework: this fragment, its host, core. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        Stream.of(MessagesProcess.class, StoredSystemMessages.class, SystemMessage.class, FileStamp.class,
                org.osgi.service.event.Event.class).forEach(type -> {
                    try {
                        String entry = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                                .toString();
                        if (!entries.contains(entry)) {
                            entries.add(entry);
                        }
                    } catch (java.net.URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                });
        return String.join(File.pathSeparator, entries);
    }
}
