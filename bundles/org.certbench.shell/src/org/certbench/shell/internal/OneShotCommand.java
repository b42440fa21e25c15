package org.certbench.shell.internal;

import java.io.InputStream;
import java.io.PrintStream;

import org.apache.felix.gogo.runtime.CommandNotFoundException;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/** Runs one command line, prints what it returns on stdout and its error on stderr, returns the exit status. */
final class OneShotCommand {

    private final CommandProcessor processor;
    private final PrintStream out;
    private final PrintStream err;
    private final OutputFormat format;

    OneShotCommand(CommandProcessor processor, PrintStream out, PrintStream err, OutputFormat format) {
        this.processor = processor;
        this.out = out;
        this.err = err;
        this.format = format;
    }

    int run(String commandLine) {
        try (CommandSession session = processor.createSession(InputStream.nullInputStream(), out, err)) {
            Object result = session.execute(commandLine);
            print(session, result);
            return ExitStatus.OK;
        } catch (CommandNotFoundException e) {
            err.println("certbench-shell: no such command: " + e.getCommand() + " (run 'help' to list the commands)");
            return ExitStatus.USAGE;
        } catch (Exception e) {
            if (ErrorText.isArgumentMismatch(e)) {
                String command = commandLine.strip().split("\\s+")[0];
                err.println("certbench-shell: wrong arguments for " + command + " (run 'help " + command
                        + "' to see how to call it)");
                return ExitStatus.USAGE;
            }
            err.println("certbench-shell: " + ErrorText.of(e));
            return ExitStatus.FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private void print(CommandSession session, Object result) {
        if (result == null) {
            return;
        }
        if (format == OutputFormat.JSON) {
            out.println(Json.write(result));
        } else {
            out.println(session.format(result, Converter.INSPECT));
        }
    }
}
