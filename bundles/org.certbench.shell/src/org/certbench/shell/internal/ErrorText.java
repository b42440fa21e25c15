package org.certbench.shell.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

import org.apache.felix.gogo.runtime.SyntaxError;
import org.certbench.core.commands.CommandException;
import org.eclipse.osgi.util.NLS;

/** The words an administrator reads for a failed command: the message, never a bare exception name. */
final class ErrorText {

    private ErrorText() {
    }

    /**
     * The failure's own message; for one without (a command's bug, e.g. a NullPointerException) a sentence
     * that says so, naming the command and where it failed, so that it can be reported.
     */
    static String of(String command, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CommandException
                || !isBug(cause) && cause.getMessage() != null && !cause.getMessage().isBlank()) {
            return cause.getMessage();
        }
        StackTraceElement[] trace = cause.getStackTrace();
        String where = trace.length == 0 ? "?" //$NON-NLS-1$
                : trace[0].getClassName().substring(trace[0].getClassName().lastIndexOf('.') + 1) + "." //$NON-NLS-1$
                        + trace[0].getMethodName() + ":" + trace[0].getLineNumber(); //$NON-NLS-1$
        return NLS.bind(Messages.Error_unexpected, new Object[] { command, cause.getClass().getName(), where });
    }

    /** What only a mistake in the command's code throws: its message speaks of the code, not of the task. */
    private static boolean isBug(Throwable cause) {
        return cause instanceof NullPointerException || cause instanceof ClassCastException
                || cause instanceof IndexOutOfBoundsException || cause instanceof ArithmeticException
                || cause instanceof Error;
    }

    /** Gogo found the command but no method that takes these arguments (their number or their types). */
    static boolean isArgumentMismatch(Throwable failure) {
        return failure instanceof IllegalArgumentException && failure.getMessage() != null
                && failure.getMessage().startsWith("Cannot coerce "); //$NON-NLS-1$
    }

    /** Gogo's parser could not read the line (an open quote or bracket). */
    static boolean isSyntaxError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SyntaxError) {
                return true;
            }
        }
        return false;
    }

    static String wrongArguments(String command, List<CommandTexts> known) {
        if (known.size() != 1 || known.get(0).usages().isEmpty()) {
            return NLS.bind(Messages.Error_wrongArguments, command);
        }
        return NLS.bind(Messages.Error_wrongArgumentsUsage, command, String.join(" | ", known.get(0).calls())); //$NON-NLS-1$
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof InvocationTargetException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
