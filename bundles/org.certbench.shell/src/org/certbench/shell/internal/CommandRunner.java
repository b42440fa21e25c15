package org.certbench.shell.internal;

import java.util.List;
import java.util.Optional;

import org.apache.felix.gogo.runtime.CommandNotFoundException;
import org.apache.felix.service.command.CommandSession;
import org.certbench.core.commands.BatchFailedException;
import org.certbench.core.commands.CommandException;
import org.eclipse.osgi.util.NLS;

/**
 * Runs one line in a session, for the one-shot shell and the prompt alike, and turns every way it can fail
 * into an exit status and a sentence: an unknown command, wrong arguments (with how to call it), an undefined
 * variable, a line that cannot be parsed or evaluated, the command's own error, or a bug.
 */
final class CommandRunner {

    /** The shell's sessions look here first: {@code help} is CertBench's, not felix:help. */
    private static final String SCOPE = "SCOPE"; //$NON-NLS-1$
    private static final String SCOPES = "certbench:*"; //$NON-NLS-1$

    /**
     * What a line came to: its result, or the exit status and the sentence for stderr.
     *
     * @param sessionClosed the line had to be stopped by closing its session: a prompt needs a new one
     */
    record Outcome(Object result, int status, String error, boolean sessionClosed) {

        Outcome(Object result, int status, String error) {
            this(result, status, error, false);
        }
    }

    private final CommandCatalog catalog;

    CommandRunner(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    static void prepare(CommandSession session) {
        session.put(SCOPE, SCOPES);
    }

    Outcome run(CommandSession session, String line) {
        Optional<String> undefined = UndefinedVariables.first(line, name -> session.get(name) != null);
        if (undefined.isPresent()) {
            return failed(ExitStatus.USAGE, NLS.bind(Messages.Error_undefinedVariable, undefined.get()));
        }
        try (RunawayGuard guard = new RunawayGuard(session)) {
            try {
                Object result = session.execute(line);
                if (guard.stopped()) {
                    return new Outcome(null, ExitStatus.USAGE,
                            NLS.bind(Messages.Error_runaway, RunawayGuard.MAX_THREADS), true);
                }
                return new Outcome(result, ExitStatus.OK, null);
            } catch (CommandNotFoundException e) {
                return failed(ExitStatus.USAGE, NLS.bind(Messages.Error_noSuchCommand, e.getCommand()));
            } catch (Exception | StackOverflowError e) {
                if (guard.stopped() || e instanceof StackOverflowError) {
                    return new Outcome(null, ExitStatus.USAGE,
                            NLS.bind(Messages.Error_runaway, RunawayGuard.MAX_THREADS), guard.stopped());
                }
                return failure(line, e);
            }
        }
    }

    private Outcome failure(String line, Throwable e) {
        Throwable cause = ErrorText.unwrap(e);
        if (cause instanceof HelpCommand.UnknownCommand) {
            return failed(ExitStatus.USAGE, cause.getMessage());
        }
        if (ErrorText.isArgumentMismatch(cause)) {
            return failed(ExitStatus.USAGE, wrongArguments(line, ErrorText.mismatchedFunction(cause)));
        }
        if (ErrorText.isSyntaxError(e)) {
            return failed(ExitStatus.USAGE, NLS.bind(Messages.Error_syntax, e.getMessage()));
        }
        Optional<StackTraceElement> method = ErrorText.commandMethod(cause);
        if (method.isEmpty() && !(cause instanceof CommandException)) {
            return failed(ExitStatus.USAGE, ErrorText.notEvaluated(cause));
        }
        String command = method.map(frame -> CommandWords.named(line, frame.getMethodName())
                .orElse(frame.getMethodName())).orElse(firstWord(line));
        if (cause instanceof BatchFailedException batch) {
            // every agent's result still goes to stdout with --json: a script reads what succeeded too
            return new Outcome(batch.result(), ExitStatus.FAILED, ErrorText.of(command, cause));
        }
        return failed(ExitStatus.FAILED, ErrorText.of(command, cause));
    }

    /** The usage goes with the message only when the line says clearly which command it was. */
    private String wrongArguments(String line, String function) {
        Optional<String> command = CommandWords.named(line, function);
        if (command.isEmpty()) {
            return ErrorText.wrongArguments(function, List.of());
        }
        return ErrorText.wrongArguments(command.get(), catalog.named(command.get()));
    }

    private static String firstWord(String line) {
        return line.strip().split("\\s+", 2)[0]; //$NON-NLS-1$
    }

    private static Outcome failed(int status, String error) {
        return new Outcome(null, status, error);
    }
}
