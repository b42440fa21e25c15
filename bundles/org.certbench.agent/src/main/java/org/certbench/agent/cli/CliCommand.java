package org.certbench.agent.cli;

import java.util.List;

import org.certbench.agents.protocol.ProtocolException;

/** One command of the agent program; its help text is the message {@code HELP_<name>}. */
interface CliCommand {

    String name();

    /** The options besides {@code --state-dir} and {@code --help}, which every command takes. */
    List<OptionSpec> options();

    /** How many arguments without {@code --} the command takes. */
    default int maxPositionals() {
        return 0;
    }

    void execute(ParsedArguments arguments, CliContext context) throws ProtocolException;
}
