package org.certbench.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.certbench.core.commands.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code --csv}: what a listing command returns, as RFC 4180 CSV that a real CSV reader (Python's {@code csv} module,
 * strict) reads back field for field — quotes, commas, line breaks and characters beyond ASCII included.
 */
class CsvOutputTest {

    enum Kind { EXPIRES_SOON }

    record Row(String name, int days, Optional<String> missing, Kind kind, Instant when, List<String> names) {
    }

    record Named(String name) {
    }

    private static final String AWKWARD = "a \"quoted\", comma\r\nand a line break, é 😀";

    @TempDir
    Path work;

    private ServiceTracker<CommandProcessor, CommandProcessor> tracker;
    private ServiceRegistration<?> command;

    @BeforeEach
    void register() {
        BundleContext context = FrameworkUtil.getBundle(CsvOutputTest.class).getBundleContext();
        tracker = new ServiceTracker<>(context, CommandProcessor.class, null);
        tracker.open();
        command = context.registerService(Object.class, new RowCommand(),
                FrameworkUtil.asDictionary(Map.of(CommandProcessor.COMMAND_SCOPE, "test",
                        CommandProcessor.COMMAND_FUNCTION, new String[] { "rows", "text", "none", "typedNone", "typed", "formulas" })));
    }

    @AfterEach
    void unregister() {
        command.unregister();
        tracker.close();
    }

    public static final class RowCommand {
        public List<Row> rows() {
            return List.of(new Row(AWKWARD, -2, Optional.empty(), Kind.EXPIRES_SOON,
                    Instant.parse("2030-01-01T00:00:00.123Z"), List.of("x", "y")),
                    new Row("plain", 400, Optional.of("here"), Kind.EXPIRES_SOON, Instant.EPOCH, List.of()));
        }

        public String text() {
            return "not a table";
        }

        public List<Row> none() {
            return List.of();
        }

        public List<Named> formulas() {
            return List.of(new Named("=HYPERLINK(\"http://x\")"), new Named("+1+2"), new Named("-x"),
                    new Named("@SUM(A1)"), new Named("\tx"), new Named("\rx"), new Named("-2"), new Named("+3.5"),
                    new Named("1e-3"), new Named("a=b"));
        }

        public Table<Row> typedNone() {
            return new Table<>(Row.class, List.of(), List.of());
        }

        public Table<Row> typed() {
            return new Table<>(Row.class, List.of(new Row("plain", 1, Optional.empty(), Kind.EXPIRES_SOON,
                    Instant.EPOCH, List.of())), List.of("one source could not be read"));
        }
    }

    @Test
    void rowsAreReadBackByARealCsvParser() throws Exception {
        Outcome outcome = run("test:rows");
        assertEquals(ExitStatus.OK, outcome.status(), outcome.err());
        assertTrue(outcome.out().startsWith("\"name\",\"days\",\"missing\",\"kind\",\"when\",\"names\"\r\n"),
                outcome.out());
        assertTrue(outcome.out().endsWith("\"\"\r\n"), "every line, the last too, ends with CRLF");

        List<List<String>> expected = List.of(List.of("name", "days", "missing", "kind", "when", "names"),
                List.of(AWKWARD, "-2", "", "expires_soon", "2030-01-01T00:00:00.123Z", "x; y"),
                List.of("plain", "400", "here", "expires_soon", "1970-01-01T00:00:00Z", ""));
        assertEquals(Json.write(expected), pythonCsv(outcome.out()));
    }

    @Test
    void aResultThatIsNoTableIsRefusedInWordsAndAnEmptyListIsEmpty() throws Exception {
        Outcome text = run("test:text");
        assertEquals(ExitStatus.USAGE, text.status());
        assertEquals("certbench-shell: --csv is for listing commands: this command's result is not a table\n",
                text.err());
        assertEquals("", text.out());

        Outcome none = run("test:none");
        assertEquals(ExitStatus.OK, none.status(), none.err());
        assertEquals("", none.out());
    }

    @Test
    void anEmptyTypedListingIsItsHeaderLineAndNoticesGoToStderr() throws Exception {
        Outcome empty = run("test:typedNone");
        assertEquals(ExitStatus.OK, empty.status(), empty.err());
        assertEquals("\"name\",\"days\",\"missing\",\"kind\",\"when\",\"names\"\r\n", empty.out());
        assertEquals(Json.write(List.of(List.of("name", "days", "missing", "kind", "when", "names"))),
                pythonCsv(empty.out()));

        Outcome typed = run("test:typed");
        assertEquals(ExitStatus.OK, typed.status(), typed.err());
        assertEquals(Json.write(List.of(List.of("name", "days", "missing", "kind", "when", "names"),
                List.of("plain", "1", "", "expires_soon", "1970-01-01T00:00:00Z", ""))), pythonCsv(typed.out()));
        assertEquals("certbench-shell: one source could not be read\n", typed.err());
    }

    @Test
    void fieldsASpreadsheetWouldEvaluateAreWrittenAsTextNumbersAsTheyAre() throws Exception {
        Outcome outcome = run("test:formulas");
        assertEquals(ExitStatus.OK, outcome.status(), outcome.err());
        assertEquals(Json.write(List.of(List.of("name"), List.of("'=HYPERLINK(\"http://x\")"), List.of("'+1+2"),
                List.of("'-x"), List.of("'@SUM(A1)"), List.of("'\tx"), List.of("'\rx"), List.of("-2"), List.of("+3.5"),
                List.of("1e-3"), List.of("a=b"))), pythonCsv(outcome.out()));
    }

    /** Python's csv module, strict, reads the text back; its rows come back as JSON. */
    private String pythonCsv(String csv) throws IOException, InterruptedException {
        Path file = work.resolve("out.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Process python = new ProcessBuilder("python3", "-c",
                "import csv, json, sys\n"
                        + "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
                        + "    rows = list(csv.reader(f, strict=True))\n"
                        + "sys.stdout.write(json.dumps(rows, ensure_ascii=False, separators=(',', ':')))\n",
                file.toString()).redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), out);
        return out;
    }

    private record Outcome(int status, String out, String err) {
    }

    private Outcome run(String line) throws InterruptedException {
        CommandProcessor processor = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        assertNotNull(processor, "Gogo's CommandProcessor service");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new OneShotCommand(processor,
                new CommandCatalog(FrameworkUtil.getBundle(CsvOutputTest.class).getBundleContext()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                OutputFormat.CSV).run(line);
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
