package org.certbench.testing.servers;

/**
 * What a finished tool said.
 *
 * @param exitStatus its exit status
 * @param output     stdout and stderr together, trimmed
 */
public record ToolOutcome(int exitStatus, String output) {

    /** {@return whether it exited with 0} */
    public boolean succeeded() {
        return exitStatus == 0;
    }
}
