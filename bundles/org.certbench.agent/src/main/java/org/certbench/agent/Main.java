package org.certbench.agent;

import org.certbench.agent.cli.AgentCli;

/** {@code java -jar certbench-agent.jar COMMAND …}: see {@code certbench-agent --help}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] arguments) {
        int status = AgentCli.forThisProcess().run(arguments);
        System.out.flush();
        System.exit(status);
    }
}
