package org.certbench.core;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners a service tells of a change (another process wrote its file, a setting changed): thread-safe, and a
 * listener may add or remove listeners while it is told. One listener that throws neither keeps the others from
 * hearing nor reaches the caller, a file watch that must go on looking: its failure is logged once while it keeps
 * failing the same way, and its recovery once ({@link FailureLog}, one for each listener). Only a JVM out of memory or broken ({@link VirtualMachineError} other
 * than {@link StackOverflowError}) is thrown on, as nothing can be relied on after it.
 *
 * @since 1.1
 */
public final class ChangeListeners {

    private static final TextBundle TEXTS = new TextBundle("org.certbench.core.messages", //$NON-NLS-1$
            ChangeListeners.class.getClassLoader());

    /** A listener and the log of its failures. */
    private record Listener(Runnable listener, FailureLog failures) {
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final System.Logger log;

    /** No listeners yet; a listener's failure is logged to {@code log} (not null). */
    public ChangeListeners(System.Logger log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Adds {@code listener} (not null); it is told of every change from now on, on the thread that noticed it. */
    public void add(Runnable listener) {
        listeners.add(new Listener(Objects.requireNonNull(listener, "listener"), new FailureLog(log)));
    }

    /** Removes {@code listener} (each time it was added); nothing happens if it was not added. */
    public void remove(Runnable listener) {
        listeners.removeIf(added -> added.listener().equals(listener));
    }

    /**
     * Tells every listener, in the order they were added, on the calling thread; call it outside the service's own
     * lock, as a listener may read the service again.
     */
    public void fire() {
        for (Listener added : listeners) {
            try {
                added.listener().run();
                added.failures().succeeded(() -> TEXTS.format("listenerRecovered", added.listener())); //$NON-NLS-1$
            } catch (Throwable e) { // NOPMD one listener's Error must not keep the others, or the caller, from going on
                if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                    throw (VirtualMachineError) e;
                }
                added.failures().failed(TEXTS.format("listenerFailed", e), e); //$NON-NLS-1$
            }
        }
    }
}
