package org.certbench.agent;

/**
 * The resource locks of test classes that must not run beside certain others (two classes run at a time,
 * junit-platform.properties).
 */
final class TestLocks {

    /**
     * The classes that keep both cores busy (SIGKILL rounds, floods) or time what they do: JUnit runs
     * them one after the other, and the classes that mostly wait beside them. They come first in the class order
     * (@Order, the longest first): one worker takes them from the front while the other works through the rest from
     * the back.
     */
    static final String BOTH_CORES = "org.certbench.agent.both-cores";

    /**
     * The attacker's source address, 127.0.0.5: the flood's 20,000 connections from it take most of its ephemeral
     * ports, which another class connecting from it would need.
     */
    static final String ATTACKER_ADDRESS = "org.certbench.agent.127.0.0.5";

    private TestLocks() {
    }
}
