package org.certbench.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/** certbench:version as a DS component, run through Gogo the way the one-shot shell runs it. */
class CommandsInOsgiTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ServiceTracker<CommandProcessor, CommandProcessor> tracker;
    private CommandProcessor processor;
    private BundleContext context;

    @BeforeEach
    void findTheCommandProcessor() throws InterruptedException {
        context = FrameworkUtil.getBundle(CommandsInOsgiTest.class).getBundleContext();
        tracker = new ServiceTracker<>(context, CommandProcessor.class, null);
        tracker.open();
        processor = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        assertNotNull(processor, "Gogo's CommandProcessor service");
    }

    @AfterEach
    void close() {
        tracker.close();
    }

    @Test
    void versionPrintsTheProductAndBundleVersion() {
        int status = run("certbench:version", OutputFormat.TEXT);

        String version = FrameworkUtil.getBundle(VersionCommand.class).getVersion().toString();
        assertEquals(ExitStatus.OK, status, err());
        assertTrue(out().startsWith("Product    CertBench\nVersion    " + version + "\n"), out());
    }

    @Test
    void versionAsJson() {
        assertEquals(ExitStatus.OK, run("certbench:version", OutputFormat.JSON), err());
        assertTrue(out().startsWith("{\"product\":\"CertBench\",\"version\":\""), out());
    }

    @Test
    void anUnknownCommandIsAUsageErrorInWords() {
        assertEquals(ExitStatus.USAGE, run("nosuch:command", OutputFormat.TEXT));
        assertEquals("certbench-shell: no such command: nosuch:command (run 'help' to list the commands)\n", err());
        assertEquals("", out());
    }

    @Test
    void wrongArgumentsAreAUsageErrorInWords() {
        assertEquals(ExitStatus.USAGE, run("certbench:version surplus", OutputFormat.TEXT));
        assertEquals("certbench-shell: wrong arguments for certbench:version; call it as: certbench:version "
                + "('help certbench:version' says more)\n", err());
    }

    @Test
    void anArgumentOfTheWrongTypeIsAUsageErrorWithTheCommandsUsage() {
        withTestCommands(() -> {
            assertEquals(ExitStatus.USAGE, run("test:number twelve", OutputFormat.TEXT));
            assertEquals("certbench-shell: wrong arguments for test:number; call it as: test:number N "
                    + "('help test:number' says more)\n", err());
        });
    }

    @Test
    void helpListsEveryCommandByTheNameAdministratorsTypeWithItsBundlesText() {
        withTestCommands(() -> {
            assertEquals(ExitStatus.OK, run("help", OutputFormat.TEXT), err());

            assertTrue(out().startsWith("COMMAND "), out());
            assertTrue(out().contains("\ncertbench:help "), out());
            assertTrue(out().matches("(?s).*\ncertbench:version +show the CertBench version, the Java runtime,.*"), out());
            assertTrue(out().matches("(?s).*\ntest:import +import a test file \\(from the test's messages\\)\n.*"), out());
            assertTrue(out().matches("(?s).*\ntest:quiet +\\(no description: its bundle gives no help texts\\)\n.*"),
                    out());
            assertFalse(out().contains("_import"), out());
            assertFalse(out().contains("felix:"), out());
        });
    }

    @Test
    void helpAsJsonForScripts() {
        withTestCommands(() -> {
            assertEquals(ExitStatus.OK, run("help", OutputFormat.JSON), err());
            assertTrue(out().contains("{\"command\":\"test:import\",\"description\":\"import a test file (from the test's messages)\"}"),
                    out());
        });
    }

    @Test
    void helpOfACommandShowsHowToCallItAndItsOptions() {
        withTestCommands(() -> {
            assertEquals(ExitStatus.OK, run("help test:import", OutputFormat.TEXT), err());
            assertEquals("""
                    test:import [--force] FILE
                        import a test file (from the test's messages)
                        --force  import even if it is there
                        FILE     the file
                    """, out());
        });
    }

    @Test
    void helpOfACommandAsJsonIsARecord() {
        withTestCommands(() -> {
            assertEquals(ExitStatus.OK, run("help test:import", OutputFormat.JSON), err());
            assertEquals("{\"name\":\"test:import\",\"description\":\"import a test file (from the test's messages)\","
                    + "\"usage\":[\"test:import [--force] FILE\"],"
                    + "\"options\":[\"--force  import even if it is there\",\"FILE     the file\"]}\n", out());
        });
    }

    @Test
    void helpOfTheAuditListIsItsOwnNotAnotherScopesList() {
        ServiceRegistration<?> other = context.registerService(Object.class, new QuietCommand(),
                FrameworkUtil.asDictionary(Map.of(CommandProcessor.COMMAND_SCOPE, "certbench",
                        CommandProcessor.COMMAND_FUNCTION, new String[] { "list" },
                        CommandHelp.MESSAGES_PROPERTY, "org.certbench.shell.internal.help")));
        try {
            assertEquals(ExitStatus.OK, run("help certbench:list", OutputFormat.TEXT), err());
            assertTrue(out().startsWith("certbench:list\n    (no description: its bundle gives no help texts)"), out());
            out.reset();
            assertEquals(ExitStatus.OK, run("help audit:list", OutputFormat.TEXT), err());
            assertTrue(out().startsWith("audit:list [--since DAY]\n    list the audit log"), out());
        } finally {
            other.unregister();
        }
    }

    @Test
    void helpOfAFunctionNameShowsItInEveryScope() {
        withTestCommands(() -> {
            assertEquals(ExitStatus.OK, run("help import", OutputFormat.TEXT), err());
            assertTrue(out().startsWith("test:import [--force] FILE\n"), out());
        });
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageErrorInWords() {
        assertEquals(ExitStatus.USAGE, run("help nosuch:thing", OutputFormat.TEXT));
        assertEquals("certbench-shell: no such command: nosuch:thing (run 'help' to list the commands)\n", err());
    }

    @Test
    void anUndefinedVariableIsNamedAndNothingRuns() {
        withTestCommands(() -> {
            assertEquals(ExitStatus.USAGE, run("test:echo $x", OutputFormat.TEXT));
            assertEquals("certbench-shell: the variable $x is not defined, so the command was not run "
                    + "(write \\$ or quote with ' ' for a dollar sign that is meant literally)\n", err());
            assertEquals(0, echoed.get());
        });
    }

    @Test
    void aQuotedDollarSignIsText() {
        withTestCommands(() -> {
            assertEquals(ExitStatus.OK, run("test:echo '$x'", OutputFormat.TEXT), err());
            assertEquals("$x\n", out());
        });
    }

    @Test
    void aLineThatCannotBeParsedIsAUsageErrorInWords() {
        withTestCommands(() -> {
            assertEquals(ExitStatus.USAGE, run("test:echo \"open", OutputFormat.TEXT), err());
            assertEquals("certbench-shell: the command line cannot be read: unexpected EOT looking for matching quote: \"\n",
                    err());
        });
    }

    @Test
    void aCommandsBugIsToldInWordsNotAsABareExceptionName() {
        withTestCommands(() -> {
            assertEquals(ExitStatus.FAILED, run("test:broken", OutputFormat.TEXT));
            assertTrue(err().startsWith("certbench-shell: test:broken failed with an unexpected error "
                    + "(java.lang.NullPointerException at CommandsInOsgiTest$TestCommands.broken:"), err());
            assertTrue(err().endsWith("this is a bug of the command's bundle: please report it with this line\n"),
                    err());
        });
    }

    @Test
    void wrongArgumentsNameTheCommandThatGotThemNotTheFirstWord() {
        withTestCommands(() -> {
            for (String line : new String[] { "test:echo a | test:number twelve", "x = 1; test:number twelve" }) {
                err.reset();
                assertEquals(ExitStatus.USAGE, run(line, OutputFormat.TEXT), line);
                assertEquals("certbench-shell: wrong arguments for test:number; call it as: test:number N "
                        + "('help test:number' says more)\n", err(), line);
            }
        });
    }

    @Test
    void wrongArgumentsOfACommandTheLineDoesNotNameClearlyComeWithoutAUsage() {
        withTestCommands(() -> {
            assertEquals(ExitStatus.USAGE, run("test:echo number | test:number twelve", OutputFormat.TEXT));
            assertEquals("certbench-shell: wrong arguments for number (run 'help number' to see how to call it)\n",
                    err());
        });
    }

    @Test
    void aBugOfALaterCommandNamesThatCommand() {
        withTestCommands(() -> {
            assertEquals(ExitStatus.FAILED, run("x = 1; test:broken", OutputFormat.TEXT));
            assertTrue(err().startsWith("certbench-shell: test:broken failed with an unexpected error "
                    + "(java.lang.NullPointerException at CommandsInOsgiTest$TestCommands.broken:"), err());
        });
    }

    @Test
    void aFailureWhileGogoEvaluatesTheArgumentsBlamesTheLineNotACommand() {
        withTestCommands(() -> {
            assertEquals(ExitStatus.USAGE, run("test:echo (\"a\" substring 5)", OutputFormat.TEXT));
            assertEquals("certbench-shell: the line could not be evaluated: "
                    + "Range [5, 1) out of bounds for length 1\n", err());
            assertEquals(0, echoed.get());
            err.reset();
            assertEquals(ExitStatus.USAGE, run("test:echo %(1/0)", OutputFormat.TEXT));
            assertEquals("certbench-shell: the line could not be evaluated: Division by zero\n", err());
            assertEquals(0, echoed.get());
        });
    }

    @Test
    void aMessageThatOnlyRepeatsItsCauseIsNotShownTheCausesReasonIs() {
        withTestCommands(() -> {
            assertEquals(ExitStatus.FAILED, run("test:wrapped", OutputFormat.TEXT));
            assertEquals("certbench-shell: test:wrapped failed: the signature does not match\n", err());
        });
    }

    @Test
    void aFailureWithoutAReasonAnywhereIsToldAsABugNotAsAnExceptionName() {
        withTestCommands(() -> {
            assertEquals(ExitStatus.FAILED, run("test:unexplained", OutputFormat.TEXT));
            assertTrue(err().startsWith("certbench-shell: test:unexplained failed with an unexpected error "
                    + "(java.lang.IllegalStateException at CommandsInOsgiTest$TestCommands.unexplained:"), err());
            assertFalse(err().contains("java.security.GeneralSecurityException"), err());
        });
    }

    @Test
    void aCommandExceptionWithoutAMessageSaysSoNotNull() {
        withTestCommands(() -> {
            assertEquals(ExitStatus.FAILED, run("test:silent", OutputFormat.TEXT));
            assertEquals("certbench-shell: test:silent failed and gave no reason; this is a bug of the command's "
                    + "bundle: please report it with this line\n", err());
        });
    }

    @Test
    void aClosureThatCallsItselfWithoutEndIsStoppedInWords() {
        assertEquals(ExitStatus.USAGE, run("f = { f } ; f", OutputFormat.TEXT));
        assertEquals("certbench-shell: the line was stopped: it started more than 512 commands inside each other "
                + "(a closure that calls itself without end?)\n", err());
    }

    @Test
    void helpOfOneOfGogosCommandsPointsToFelixHelp() {
        ServiceRegistration<?> gogo = context.registerService(Object.class, new QuietCommand(),
                FrameworkUtil.asDictionary(Map.of(CommandProcessor.COMMAND_SCOPE, "felix",
                        CommandProcessor.COMMAND_FUNCTION, new String[] { "lb" })));
        try {
            for (String line : new String[] { "help lb", "help felix:lb" }) {
                err.reset();
                assertEquals(ExitStatus.USAGE, run(line, OutputFormat.TEXT), line);
                assertEquals("certbench-shell: felix:lb is one of Gogo's own commands, which CertBench's help does "
                        + "not list: run 'felix:help lb' to see how to call it\n", err(), line);
            }
        } finally {
            gogo.unregister();
        }
    }

    private final java.util.concurrent.atomic.AtomicInteger echoed = new java.util.concurrent.atomic.AtomicInteger();

    private void withTestCommands(Runnable test) {
        ServiceRegistration<?> described = context.registerService(Object.class, new TestCommands(echoed),
                FrameworkUtil.asDictionary(Map.of(CommandProcessor.COMMAND_SCOPE, "test",
                        CommandProcessor.COMMAND_FUNCTION, new String[] { "import", "number", "echo", "broken", "wrapped",
                                "unexplained", "silent" },
                        CommandHelp.MESSAGES_PROPERTY, "org.certbench.shell.internal.testhelp")));
        ServiceRegistration<?> quiet = context.registerService(Object.class, new QuietCommand(),
                FrameworkUtil.asDictionary(Map.of(CommandProcessor.COMMAND_SCOPE, "test",
                        CommandProcessor.COMMAND_FUNCTION, new String[] { "quiet" })));
        try {
            test.run();
        } finally {
            described.unregister();
            quiet.unregister();
        }
    }

    public static final class TestCommands {
        private final java.util.concurrent.atomic.AtomicInteger echoed;

        TestCommands(java.util.concurrent.atomic.AtomicInteger echoed) {
            this.echoed = echoed;
        }

        public String _import(String file) {
            return file;
        }

        public int number(int n) {
            return n;
        }

        public String echo(String text) {
            echoed.incrementAndGet();
            return text;
        }

        public String wrapped() {
            throw new IllegalStateException(new CertificateException("the signature does not match"));
        }

        public String unexplained() {
            throw new IllegalStateException(new GeneralSecurityException());
        }

        public String silent() {
            throw new CommandException(null);
        }

        public String broken() {
            String nothing = System.getProperty("certbench.test.no.such.property");
            return nothing.strip();
        }
    }

    public static final class QuietCommand {
        public String quiet() {
            return "";
        }
    }

    @Test
    void aFailingCommandPrintsItsMessageAloneAndFails() {
        ServiceRegistration<?> failing = context.registerService(Object.class, new FailingCommand(),
                FrameworkUtil.asDictionary(Map.of(CommandProcessor.COMMAND_SCOPE, "test",
                        CommandProcessor.COMMAND_FUNCTION, new String[] { "fail" })));
        try {
            assertEquals(ExitStatus.FAILED, run("test:fail", OutputFormat.TEXT));
            assertEquals("certbench-shell: the trust store is locked by another CertBench\n", err());
        } finally {
            failing.unregister();
        }
    }

    public static final class FailingCommand {
        public Object fail() {
            throw new CommandException("the trust store is locked by another CertBench");
        }
    }

    private int run(String line, OutputFormat format) {
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
