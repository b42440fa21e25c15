package org.certbench.shell.internal;

import java.lang.reflect.InvocationTargetException;

import org.certbench.core.commands.CommandException;

/** The words an administrator reads for a failed command: the message, never a stack trace. */
final class ErrorText {

    private ErrorText() {
    }

    static String of(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CommandException || cause.getMessage() != null && !cause.getMessage().isBlank()) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName();
    }

    /** Gogo found the command but no method that takes these arguments. */
    static boolean isArgumentMismatch(Throwable failure) {
        return failure instanceof IllegalArgumentException && failure.getMessage() != null
                && failure.getMessage().startsWith("Cannot coerce ");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof InvocationTargetException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
