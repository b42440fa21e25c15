package org.certbench.core.commands;

import java.util.List;

/**
 * A batch command's failure (an agent or a service of many failed): the message holds every line for stderr, and
 * {@link #result()} every agent's or service's result, which the shell still prints on stdout with {@code --json},
 * so that a script reads what succeeded beside what failed; the exit status is 1 as for any failure. Defined once for
 * all batch commands.
 */
public class BatchFailedException extends CommandException {

    private static final long serialVersionUID = 1L;

    private final transient List<?> result;

    /**
     * A failed batch with its lines for stderr and every result.
     *
     * @param message every line, in words, as the shell prints it on stderr
     * @param result one value per agent or service, as the command returns it when nothing failed
     */
    public BatchFailedException(String message, List<?> result) {
        super(message);
        this.result = List.copyOf(result);
    }

    /** {@return every agent's or service's result, failed ones included} */
    public List<?> result() {
        return result;
    }
}
