package org.certbench.shell.internal;

/** Exit statuses of the one-shot shell, as scripts see them. */
final class ExitStatus {

    static final int OK = 0;
    /** The command ran and failed (its error is on stderr). */
    static final int FAILED = 1;
    /** No such command, or the command line could not be parsed. */
    static final int USAGE = 2;

    private ExitStatus() {
    }
}
