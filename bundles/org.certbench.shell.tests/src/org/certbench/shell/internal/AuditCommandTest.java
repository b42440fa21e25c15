package org.certbench.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.felix.service.command.CommandProcessor;
import org.certbench.core.AuditEntry;
import org.certbench.core.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** {@code audit:list} through Gogo: the home's log, --since, --json, a damaged line, a bad day refused in words. */
class AuditCommandTest {

    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;
    private ServiceTracker<CommandProcessor, CommandProcessor> tracker;
    private CommandProcessor processor;
    private AuditLog log;

    @BeforeEach
    void writeALog() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(AuditCommandTest.class).getBundleContext();
        tracker = new ServiceTracker<>(context, CommandProcessor.class, null);
        tracker.open();
        processor = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        assertNotNull(processor);
        log = AuditLog.ofHome();
        if (Files.exists(log.directory())) {
            try (Stream<Path> files = Files.walk(log.directory())) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        log.append(new AuditEntry(Instant.parse("2026-10-31T23:00:00Z"), "root", "ca.import", "CN=Old CA", null,
                "AA:BB", true, null));
        log.append(new AuditEntry(Instant.parse("2026-11-02T08:00:00Z"), "ops", "host.generate", "https", "AA:BB",
                null, false, "not served"));
    }

    @AfterEach
    void close() {
        tracker.close();
    }

    @Test
    void listsEveryEntryOldestFirstAndSinceFilters() {
        assertEquals(ExitStatus.OK, run("audit:list", OutputFormat.TEXT), err());
        String all = out();
        assertTrue(all.indexOf("ca.import") < all.indexOf("host.generate") && all.indexOf("ca.import") > 0, all);

        assertEquals(ExitStatus.OK, run("audit:list --since 2026-11-01", OutputFormat.JSON), err());
        assertEquals("[{\"time\":\"2026-11-02T08:00:00Z\",\"who\":\"ops\",\"action\":\"host.generate\","
                + "\"object\":\"https\",\"before\":\"AA:BB\",\"after\":null,\"result\":\"failed\","
                + "\"message\":\"not served\"}]\n", out());
    }

    @Test
    void aDamagedLastLineIsListedAsDamagedAfterTheIntactEntries() throws Exception {
        Files.writeString(log.directory().resolve("2026-11.jsonl"), "{\"time\":\"2026-11-0",
                StandardOpenOption.APPEND);

        assertEquals(ExitStatus.OK, run("audit:list --since 2026-11-01", OutputFormat.TEXT), err());

        assertTrue(out().contains("host.generate"), out());
        assertTrue(out().contains("damaged"), out());
        assertTrue(out().contains("2026-11.jsonl, line 2: the last line is damaged"), out());
    }

    @Test
    void aSinceThatIsNoDayIsRefusedInWords() {
        assertEquals(ExitStatus.FAILED, run("audit:list --since last-week", OutputFormat.TEXT));
        assertEquals("certbench-shell: audit:list: --since must be a day such as 2026-12-01, not \"last-week\"\n",
                err());
    }

    private int run(String line, OutputFormat format) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return new OneShotCommand(processor,
                new CommandCatalog(FrameworkUtil.getBundle(OneShotCommand.class).getBundleContext()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), format).run(line);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
