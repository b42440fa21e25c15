package org.certbench.core.commands;

/**
 * A command's failure, told in words for an administrator. The shell prints the message alone (no stack
 * trace) on stderr and the one-shot shell exits with status 1.
 * <p>
 * It lives here, beside the state directory every service already uses, and not in the shell application:
 * a service bundle or a plug-in throws it from its commands without depending on the shell, so the service
 * resolves and works where there is no shell (the workbench) or no Gogo at all.
 */
public class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A refusal without a cause.
     * @param message what went wrong, in words an administrator can act on; shown as it is
     */
    public CommandException(String message) {
        super(message);
    }

    /**
     * A refusal caused by a lower-level failure.
     * @param message what went wrong, in words an administrator can act on; shown as it is
     * @param cause   kept for the log, never shown instead of the message
     */
    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
