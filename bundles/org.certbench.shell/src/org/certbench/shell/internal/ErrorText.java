package org.certbench.shell.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;

import org.apache.felix.gogo.runtime.SyntaxError;
import org.certbench.core.commands.CommandException;
import org.eclipse.osgi.util.NLS;

/** The words an administrator reads for a failed command: the message, never a bare exception name. */
final class ErrorText {

    /** Frames of the runtime and of Gogo: where a failure surfaced, never whose mistake it was. */
    private static final List<String> RUNTIME_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
            "org.apache.felix.gogo.", "org.apache.felix.service.command."); //$NON-NLS-1$ //$NON-NLS-2$
    private static final String GOGO = "org.apache.felix.gogo."; //$NON-NLS-1$

    private ErrorText() {
    }

    /**
     * The failure's own message; for one without (a command's bug, e.g. a NullPointerException) a sentence
     * that says so, naming the command and where it failed, so that it can be reported.
     */
    static String of(String command, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CommandException) {
            return ownMessage(cause).orElseGet(() -> NLS.bind(Messages.Error_noReason, command));
        }
        if (!isBug(cause)) {
            Optional<String> own = ownMessage(cause);
            if (own.isPresent()) {
                return own.get();
            }
            Optional<String> reason = reasonInCauses(cause);
            if (reason.isPresent()) {
                return NLS.bind(Messages.Error_failedBecause, command, reason.get());
            }
        }
        return NLS.bind(Messages.Error_unexpected, new Object[] { command, cause.getClass().getName(), where(cause) });
    }

    /**
     * The method of a command's service that Gogo called and that the failure passed through; empty when it
     * arose while Gogo worked out the line's arguments, before any command ran.
     */
    static Optional<StackTraceElement> commandMethod(Throwable failure) {
        StackTraceElement candidate = null;
        for (StackTraceElement frame : unwrap(failure).getStackTrace()) {
            if (frame.getClassName().startsWith(GOGO)) {
                return Optional.ofNullable(candidate);
            }
            if (!isRuntime(frame)) {
                candidate = frame;
            }
        }
        return Optional.empty();
    }

    /** A failure while Gogo evaluated the line (a substring out of range, a division by zero): no command's. */
    static String notEvaluated(Throwable failure) {
        Throwable cause = unwrap(failure);
        Optional<String> reason = ownMessage(cause).or(() -> reasonInCauses(cause));
        return reason.map(text -> NLS.bind(Messages.Error_notEvaluated, text))
                .orElseGet(() -> NLS.bind(Messages.Error_notEvaluatedUnexplained, cause.getClass().getName()));
    }

    /** What only a mistake in the command's code throws: its message speaks of the code, not of the task. */
    private static boolean isBug(Throwable cause) {
        return cause instanceof NullPointerException || cause instanceof ClassCastException
                || cause instanceof IndexOutOfBoundsException || cause instanceof Error;
    }

    /**
     * Its message, unless it has none or only repeats its cause's ({@code new IllegalStateException(e)} reads
     * "java.security.SignatureException: …", a Java exception's name, not words).
     */
    private static Optional<String> ownMessage(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()
                || failure.getCause() != null && message.equals(failure.getCause().toString())) {
            return Optional.empty();
        }
        return Optional.of(message);
    }

    private static Optional<String> reasonInCauses(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            Optional<String> own = ownMessage(cause);
            if (own.isPresent()) {
                return own;
            }
        }
        return Optional.empty();
    }

    /** The first frame of code that is neither the runtime's nor Gogo's: the place to look for the mistake. */
    private static String where(Throwable cause) {
        StackTraceElement[] trace = cause.getStackTrace();
        StackTraceElement frame = trace.length == 0 ? null : trace[0];
        for (StackTraceElement candidate : trace) {
            if (!isRuntime(candidate)) {
                frame = candidate;
                break;
            }
        }
        if (frame == null) {
            return "?"; //$NON-NLS-1$
        }
        return frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "." //$NON-NLS-1$
                + frame.getMethodName() + ":" + frame.getLineNumber(); //$NON-NLS-1$
    }

    private static boolean isRuntime(StackTraceElement frame) {
        return RUNTIME_PACKAGES.stream().anyMatch(frame.getClassName()::startsWith);
    }

    /** Gogo found the command but no method that takes these arguments (their number or their types). */
    static boolean isArgumentMismatch(Throwable failure) {
        return failure instanceof IllegalArgumentException && failure.getMessage() != null
                && failure.getMessage().startsWith("Cannot coerce "); //$NON-NLS-1$
    }

    /** The function Gogo names in "Cannot coerce number(Token) to any of [(int)]". */
    static String mismatchedFunction(Throwable failure) {
        String rest = failure.getMessage().substring("Cannot coerce ".length()); //$NON-NLS-1$
        int parenthesis = rest.indexOf('(');
        return parenthesis < 0 ? rest : rest.substring(0, parenthesis);
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
        return NLS.bind(Messages.Error_wrongArgumentsUsage, known.get(0).name(),
                String.join(" | ", known.get(0).calls())); //$NON-NLS-1$
    }

    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof InvocationTargetException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
