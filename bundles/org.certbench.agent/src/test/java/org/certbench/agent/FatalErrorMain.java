package org.certbench.agent;

/**
 * {@code certbench-agent run …} as the program runs it, and then, once it serves, a failure in a thread of its
 * own: {@code error} throws an {@link OutOfMemoryError}, {@code exception} an {@link IllegalStateException}.
 * Arguments: the mode, then the agent's.
 */
public final class FatalErrorMain {

    private FatalErrorMain() {
    }

    public static void main(String[] arguments) throws Exception {
        String[] agentArguments = java.util.Arrays.copyOfRange(arguments, 1, arguments.length);
        Thread.ofPlatform().start(() -> Main.main(agentArguments));
        while (Thread.getDefaultUncaughtExceptionHandler() == null) {
            Thread.sleep(10);
        }
        Thread.sleep(1_000);
        Thread.ofVirtual().name("provoked-failure").start(() -> {
            if (arguments[0].equals("error")) {
                throw new OutOfMemoryError("provoked by the test");
            }
            throw new IllegalStateException("provoked by the test");
        });
        Thread.sleep(60_000);
        System.exit(0);
    }
}
