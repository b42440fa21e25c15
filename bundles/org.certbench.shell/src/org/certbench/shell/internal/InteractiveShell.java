package org.certbench.shell.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.certbench.core.commands.Table;
import org.eclipse.osgi.util.NLS;

/** The {@code g!} prompt: one Gogo session, a line at a time, until {@code exit} or end of input. */
final class InteractiveShell {

    private static final String PROMPT = "g! "; //$NON-NLS-1$

    private final CommandProcessor processor;
    private final CommandRunner runner;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    InteractiveShell(CommandProcessor processor, CommandCatalog catalog, InputStream in, PrintStream out,
            PrintStream err) {
        this.processor = processor;
        this.runner = new CommandRunner(catalog);
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run() {
        out.println(Messages.Shell_banner);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
        CommandSession session = processor.createSession(in, out, err);
        try {
            CommandRunner.prepare(session);
            while (true) {
                out.print(PROMPT);
                out.flush();
                String line = reader.readLine();
                if (line == null || "exit".equals(line.strip())) {
                    out.println();
                    return ExitStatus.OK;
                }
                if (!line.isBlank() && !execute(session, line)) {
                    // the runaway line's session was closed to stop it; its variables are gone with it
                    session = processor.createSession(in, out, err);
                    CommandRunner.prepare(session);
                }
            }
        } catch (IOException e) {
            err.println("certbench-shell: " + NLS.bind(Messages.Shell_consoleUnreadable, e.getMessage())); //$NON-NLS-1$
            return ExitStatus.FAILED;
        } finally {
            session.close();
        }
    }

    /** False when the session was closed to stop the line. */
    private boolean execute(CommandSession session, String line) {
        CommandRunner.Outcome outcome = runner.run(session, line);
        if (outcome.sessionClosed()) {
            err.println(outcome.error());
            return false;
        }
        if (outcome.error() != null) {
            err.println(outcome.error());
        } else if (outcome.result() != null) {
            if (outcome.result() instanceof Table<?> table) {
                table.notices().forEach(err::println);
            }
            out.println(session.format(OneShotCommand.rows(outcome.result()), Converter.INSPECT));
        }
        return true;
    }

}
