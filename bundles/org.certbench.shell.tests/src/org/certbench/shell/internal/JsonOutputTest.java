package org.certbench.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The shell's {@code --json} output is published: scripts read it. These pins hold it byte for byte (escapes,
 * characters beyond ASCII, numbers, nesting, the shell's own conversions of records, optionals, enums, bytes).
 */
class JsonOutputTest {

    enum Kind { EXPIRES_SOON }

    record Inner(String name, Optional<Integer> days) {
    }

    record Row(String text, int count, long smallest, List<Object> numbers, Optional<String> missing,
            Optional<Integer> present, Map<Object, Object> map, byte[] bytes, Object[] array, Kind kind,
            Instant when, Path path, char letter, List<Inner> inner) {
    }

    private static final String TEXT = "q\"b\\s/\b\f\n\r\t\u0000\u001f\u007f é 😀 \u2028\u2029";
    private static final String TEXT_JSON = "\"q\\\"b\\\\s/\\u0008\\u000c\\n\\r\\t\\u0000\\u001f\u007f é 😀 \u2028\u2029\"";

    private static Row row() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("b", null);
        map.put(1, Optional.of("one"));
        map.put("a", List.of(Optional.empty(), true));
        List<Object> numbers = Arrays.asList(0.1, 100.0, -0.0, 1e10, 1e-7, 0.1f, Double.NaN,
                Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, new BigDecimal("1.50"), new BigDecimal("1E+3"),
                BigInteger.TEN.pow(30), BigInteger.TWO.pow(1100), new AtomicLong(7), (short) -3, (byte) 8);
        return new Row(TEXT, 42, Long.MIN_VALUE, numbers, Optional.empty(), Optional.of(3), map,
                new byte[] { 0, 1, 2, (byte) 0xff }, new Object[] { "a", 1, null }, Kind.EXPIRES_SOON,
                Instant.parse("2030-01-01T00:00:00Z"), Path.of("/tmp/x y"), 'c',
                List.of(new Inner("n", Optional.empty()), new Inner("m", Optional.of(-1))));
    }

    private static final String ROW_JSON = "{\"text\":" + TEXT_JSON + ",\"count\":42,\"smallest\":-9223372036854775808,"
            + "\"numbers\":[0.1,100.0,-0.0,1.0E10,1.0E-7,0.1,null,null,null,1.50,1E+3,"
            + "1000000000000000000000000000000,null,7,-3,8],"
            + "\"missing\":null,\"present\":3,\"map\":{\"b\":null,\"1\":\"one\",\"a\":[null,true]},"
            + "\"bytes\":\"AAEC/w==\",\"array\":[\"a\",1,null],\"kind\":\"expires_soon\","
            + "\"when\":\"2030-01-01T00:00:00Z\",\"path\":\"/tmp/x y\",\"letter\":\"c\","
            + "\"inner\":[{\"name\":\"n\",\"days\":null},{\"name\":\"m\",\"days\":-1}]}";

    @Test
    void valuesAreWrittenAsPublished() {
        assertEquals(ROW_JSON, Json.write(row()));
        assertEquals(TEXT_JSON, Json.write(Optional.of(TEXT)));
        assertEquals("null", Json.write(Optional.empty()));
        assertEquals("[]", Json.write(List.of()));
        assertEquals("{}", Json.write(Map.of()));
        assertEquals("\"Optional[1]\"", Json.write(Optional.of(Optional.of(1))));
    }

    @Test
    void aCommandsResultIsPrintedAsPublished() throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(JsonOutputTest.class).getBundleContext();
        ServiceTracker<CommandProcessor, CommandProcessor> tracker = new ServiceTracker<>(context,
                CommandProcessor.class, null);
        tracker.open();
        ServiceRegistration<?> command = context.registerService(Object.class, new RowCommand(),
                FrameworkUtil.asDictionary(Map.of(CommandProcessor.COMMAND_SCOPE, "test",
                        CommandProcessor.COMMAND_FUNCTION, new String[] { "row", "rows" })));
        try {
            CommandProcessor processor = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
            assertNotNull(processor, "Gogo's CommandProcessor service");
            assertEquals(ROW_JSON + "\n", run(processor, "test:row"));
            assertEquals("[" + ROW_JSON + "," + ROW_JSON + "]\n", run(processor, "test:rows"));
        } finally {
            command.unregister();
            tracker.close();
        }
    }

    /** A batch line as the agent batches return them. */
    public record Line(String agent, String result, String detail) {
    }

    public static final class BatchCommand {
        public List<Line> batch() {
            List<Line> lines = List.of(new Line("alpha", "ok", "applied"), new Line("beta", "failed",
                    "the agent did not answer within 60 s"));
            throw new org.certbench.core.commands.BatchFailedException("batch: 1 of 2 agents failed\n"
                    + "  beta: failed - the agent did not answer within 60 s", lines);
        }
    }

    @Test
    void aBatchThatPartlyFailedPrintsEveryResultAsJsonAndExitsWithOne() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(JsonOutputTest.class).getBundleContext();
        ServiceTracker<CommandProcessor, CommandProcessor> tracker = new ServiceTracker<>(context,
                CommandProcessor.class, null);
        tracker.open();
        ServiceRegistration<?> command = context.registerService(Object.class, new BatchCommand(),
                FrameworkUtil.asDictionary(Map.of(CommandProcessor.COMMAND_SCOPE, "test",
                        CommandProcessor.COMMAND_FUNCTION, new String[] { "batch" })));
        try {
            CommandProcessor processor = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
            assertNotNull(processor, "Gogo's CommandProcessor service");
            for (OutputFormat format : OutputFormat.values()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int status = new OneShotCommand(processor, new CommandCatalog(context),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), format).run("test:batch");
                assertEquals(ExitStatus.FAILED, status);
                assertTrue(err.toString(StandardCharsets.UTF_8).contains("beta: failed - the agent did not answer"),
                        err.toString(StandardCharsets.UTF_8));
                if (format == OutputFormat.JSON) {
                    Object parsed = org.certbench.core.JsonReader.parse(out.toString(StandardCharsets.UTF_8));
                    assertEquals(List.of(Map.of("agent", "alpha", "result", "ok", "detail", "applied"),
                            Map.of("agent", "beta", "result", "failed", "detail",
                                    "the agent did not answer within 60 s")), parsed);
                } else {
                    // the text output stays as published: the lines are in the message on stderr only
                    assertEquals("", out.toString(StandardCharsets.UTF_8));
                }
            }
        } finally {
            command.unregister();
            tracker.close();
        }
    }

    public static final class RowCommand {
        public Row row() {
            return JsonOutputTest.row();
        }

        public List<Row> rows() {
            return List.of(JsonOutputTest.row(), JsonOutputTest.row());
        }
    }

    private static String run(CommandProcessor processor, String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new OneShotCommand(processor,
                new CommandCatalog(FrameworkUtil.getBundle(JsonOutputTest.class).getBundleContext()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), OutputFormat.JSON).run(line);
        assertEquals(ExitStatus.OK, status, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
