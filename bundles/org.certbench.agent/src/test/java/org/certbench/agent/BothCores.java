package org.certbench.agent;

/**
 * The resource lock of the test classes that keep both cores busy (SIGKILL rounds, floods, out-of-memory) or time
 * what they do: JUnit runs them one after the other, and the classes that mostly wait beside them
 * (junit-platform.properties). They come first in the class order (@Order, the longest first): one worker takes
 * them from the front while the other works through the rest from the back.
 */
final class BothCores {

    static final String RESOURCE = "org.certbench.agent.both-cores";

    private BothCores() {
    }
}
