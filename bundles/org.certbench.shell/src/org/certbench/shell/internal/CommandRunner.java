package org.certbench.shell.internal;

import java.util.Optional;

import org.apache.felix.gogo.runtime.CommandNotFoundException;
import org.apache.felix.service.command.CommandSession;
import org.eclipse.osgi.util.NLS;

/**
 * Runs one line in a session, for the one-shot shell and the prompt alike, and turns every way it can fail
 * into an exit status and a sentence: an unknown command, wrong arguments (with how to call it), an undefined
 * variable, a line that cannot be parsed, the command's own error, or a bug.
 */
final class CommandRunner {

    /** The shell's sessions look here first: {@code help} is CertBench's, not felix:help. */
    private static final String SCOPE = "SCOPE"; //$NON-NLS-1$
    private static final String SCOPES = "certbench:*"; //$NON-NLS-1$

    /** What a line came to: its result, or the exit status and the sentence for stderr. */
    record Outcome(Object result, int status, String error) {
    }

    private final CommandCatalog catalog;

    CommandRunner(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    static void prepare(CommandSession session) {
        session.put(SCOPE, SCOPES);
    }

    Outcome run(CommandSession session, String line) {
        String command = line.strip().split("\\s+", 2)[0]; //$NON-NLS-1$
        Optional<String> undefined = UndefinedVariables.first(line, name -> session.get(name) != null);
        if (undefined.isPresent()) {
            return failed(ExitStatus.USAGE, NLS.bind(Messages.Error_undefinedVariable, undefined.get()));
        }
        try {
            return new Outcome(session.execute(line), ExitStatus.OK, null);
        } catch (CommandNotFoundException e) {
            return failed(ExitStatus.USAGE, NLS.bind(Messages.Error_noSuchCommand, e.getCommand()));
        } catch (Exception e) {
            if (ErrorText.isArgumentMismatch(e)) {
                return failed(ExitStatus.USAGE, ErrorText.wrongArguments(command, catalog.named(command)));
            }
            if (ErrorText.isSyntaxError(e)) {
                return failed(ExitStatus.USAGE, NLS.bind(Messages.Error_syntax, e.getMessage()));
            }
            return failed(ExitStatus.FAILED, ErrorText.of(command, e));
        }
    }

    private static Outcome failed(int status, String error) {
        return new Outcome(null, status, error);
    }
}
