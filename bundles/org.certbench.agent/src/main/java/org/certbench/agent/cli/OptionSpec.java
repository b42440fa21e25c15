package org.certbench.agent.cli;

/**
 * One {@code --name} option of a command.
 *
 * @param takesValue {@code --name VALUE} (or {@code --name=VALUE}); otherwise a flag
 */
record OptionSpec(String name, boolean takesValue) {

    static OptionSpec value(String name) {
        return new OptionSpec(name, true);
    }

    static OptionSpec flag(String name) {
        return new OptionSpec(name, false);
    }
}
