package org.certbench.agent;

import org.certbench.agent.state.AgentStateDirectory;
import org.certbench.core.ConfigurationOwners;

/** Prints what core's root check and the agent's default state directory say in the JVM it runs in. */
public final class RootCheckProbe {

    private RootCheckProbe() {
    }

    public static void main(String[] arguments) {
        System.out.println(ConfigurationOwners.runningAsRoot() + " " + AgentStateDirectory.defaultLocation());
    }
}
