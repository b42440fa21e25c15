package org.certbench.shell;

/**
 * A command's failure, told in words for an administrator. The shell prints the message alone (no stack
 * trace) on stderr and the one-shot shell exits with status 1.
 */
public class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
