package org.certbench.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.certbench.core.commands.CommandException;
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
        assertEquals("certbench-shell: wrong arguments for certbench:version "
                + "(run 'help certbench:version' to see how to call it)\n", err());
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
        return new OneShotCommand(processor, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), format).run(line);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
