package org.certbench.messages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.certbench.core.ChangeListeners;
import org.junit.jupiter.api.Test;

/**
 * The listeners of the trust store, the outbound TLS settings and the agent inventory: a listener that throws keeps
 * neither the others nor the file watch that noticed the change from going on, and is logged once while it keeps
 * failing the same way.
 */
class ChangeListenersTest {

    @Test
    void everyListenerIsToldInOrderUntilRemoved() {
        List<String> told = new CopyOnWriteArrayList<>();
        ChangeListeners listeners = new ChangeListeners(new RecordedLogger());
        Runnable first = () -> told.add("first");
        listeners.add(first);
        listeners.add(() -> told.add("second"));

        listeners.fire();
        listeners.remove(first);
        listeners.remove(() -> told.add("never added"));
        listeners.fire();

        assertEquals(List.of("first", "second", "second"), told);
    }

    @Test
    void aListenerThatThrowsIsLoggedOnceAndTheOthersAreStillTold() {
        RecordedLogger log = new RecordedLogger();
        List<String> told = new CopyOnWriteArrayList<>();
        ChangeListeners listeners = new ChangeListeners(log);
        listeners.add(() -> {
            throw new IllegalStateException("view disposed");
        });
        listeners.add(() -> {
            throw new AssertionError("an Error too");
        });
        listeners.add(() -> told.add("told"));

        for (int look = 0; look < 50; look++) {
            listeners.fire();
        }

        assertEquals(50, told.size());
        // each listener's failure once, not a stack trace per listener and look
        assertEquals(List.of("WARNING A listener of changes failed (the others were told): "
                + "java.lang.IllegalStateException: view disposed", "WARNING A listener of changes failed (the others "
                + "were told): java.lang.AssertionError: an Error too"), log.lines);
    }

    @Test
    void aListenerThatWorksAgainIsLoggedOnceAndAFailureAfterThatAgain() {
        RecordedLogger log = new RecordedLogger();
        boolean[] failing = { true };
        ChangeListeners listeners = new ChangeListeners(log);
        Runnable listener = new Runnable() {
            @Override
            public void run() {
                if (failing[0]) {
                    throw new IllegalStateException("busy");
                }
            }

            @Override
            public String toString() {
                return "the CA view";
            }
        };
        listeners.add(listener);

        listeners.fire();
        failing[0] = false;
        listeners.fire();
        listeners.fire();
        failing[0] = true;
        listeners.fire();

        assertEquals(List.of("WARNING A listener of changes failed (the others were told): "
                + "java.lang.IllegalStateException: busy", "INFO A listener of changes that failed works again: the CA view",
                "WARNING A listener of changes failed (the others were told): java.lang.IllegalStateException: busy"),
                log.lines);
    }

    @Test
    void aListenerMayRemoveItselfWhileItIsTold() {
        List<String> told = new CopyOnWriteArrayList<>();
        ChangeListeners listeners = new ChangeListeners(new RecordedLogger());
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            told.add("once");
            listeners.remove(once[0]);
        };
        listeners.add(once[0]);

        listeners.fire();
        listeners.fire();

        assertEquals(List.of("once"), told);
    }

    @Test
    void aBrokenJvmIsThrownOn() {
        ChangeListeners listeners = new ChangeListeners(new RecordedLogger());
        listeners.add(() -> {
            throw new InternalError("the JVM is broken");
        });

        assertThrows(InternalError.class, listeners::fire);
    }

    @Test
    void aNullListenerIsRefused() {
        ChangeListeners listeners = new ChangeListeners(new RecordedLogger());

        assertEquals("listener", assertThrows(NullPointerException.class, () -> listeners.add(null)).getMessage());
    }
}
