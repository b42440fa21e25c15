package org.certbench.shell.internal;

import java.io.InputStream;
import java.io.PrintStream;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.certbench.core.commands.Table;

/** Runs one command line, prints what it returns on stdout and its error on stderr, returns the exit status. */
final class OneShotCommand {

    private static final String PREFIX = "certbench-shell: "; //$NON-NLS-1$

    private final CommandProcessor processor;
    private final CommandRunner runner;
    private final PrintStream out;
    private final PrintStream err;
    private final OutputFormat format;

    OneShotCommand(CommandProcessor processor, CommandCatalog catalog, PrintStream out, PrintStream err,
            OutputFormat format) {
        this.processor = processor;
        this.runner = new CommandRunner(catalog);
        this.out = out;
        this.err = err;
        this.format = format;
    }

    int run(String commandLine) {
        try (CommandSession session = processor.createSession(InputStream.nullInputStream(), out, err)) {
            CommandRunner.prepare(session);
            CommandRunner.Outcome outcome = runner.run(session, commandLine);
            if (outcome.error() != null) {
                err.println(PREFIX + outcome.error());
                if (format == OutputFormat.JSON) {
                    // a batch that partly failed: each result as JSON on stdout beside the words on stderr
                    print(session, outcome.result());
                }
                return outcome.status();
            }
            return print(session, outcome.result());
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int print(CommandSession session, Object result) {
        if (result == null) {
            return ExitStatus.OK;
        }
        if (result instanceof Table<?> table) {
            // beside the rows, not among them: stdout stays a table in every format
            table.notices().forEach(notice -> err.println(PREFIX + notice));
        }
        if (format == OutputFormat.JSON) {
            out.println(Json.write(rows(result)));
        } else if (format == OutputFormat.CSV) {
            String csv = Csv.write(result);
            if (csv == null) {
                err.println(PREFIX + Messages.Shell_notATable);
                return ExitStatus.USAGE;
            }
            // CRLF ends every line already: print adds no line of its own
            out.print(csv);
        } else {
            out.println(session.format(rows(result), Converter.INSPECT));
        }
        return ExitStatus.OK;
    }

    /** What JSON and text show of a result: a table's rows. */
    static Object rows(Object result) {
        return result instanceof Table<?> table ? table.rows() : result;
    }
}
