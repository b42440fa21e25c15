package org.certbench.agents.connector.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cancel of one batch, reaching the agents under way: each agent's task is a {@link Step} whose connections a
 * cancel closes, so that a handshake or an answer the agent holds back ends at once instead of at its timeout.
 * <p>
 * A step that sends a change to its agent {@link Step#commit() commits} first: from then on no cancel closes its
 * connections, and the change finishes (answer, confirming handshake, rollback) as it would have without the cancel.
 * Before that commit nothing was changed on the agent, so cutting is safe; after it, a cut would leave the agent
 * changed and this console not knowing. A renewal commits earlier, when it asks its issuer: a certificate issued is
 * applied, not thrown away; a committed step can still see that a cancel was asked ({@link Step#cancelAsked()}).
 * <p>
 * The connector finds the step of the thread it runs on ({@link #current()}), set by the {@link BatchRunner} for
 * each agent's task: the connector's callers need not pass it through every operation. Outside a batch (one agent's
 * status, an add) the step is one no cancel reaches.
 */
final class Cancellation {

    private static final ThreadLocal<Step> CURRENT = new ThreadLocal<>();

    private final Set<Step> running = ConcurrentHashMap.newKeySet();
    private final java.util.function.BooleanSupplier asked;
    private volatile boolean canceled;

    /** @param asked whether the batch's caller asks for a cancel now (its monitor), seen before the runner cuts */
    Cancellation(java.util.function.BooleanSupplier asked) {
        this.asked = asked;
    }

    /** {@return the step of the calling thread's agent task, or one that is never cut} */
    static Step current() {
        Step step = CURRENT.get();
        return step != null ? step : Step.NEVER_CUT;
    }

    /** {@return a new step of this batch, to run with {@link Step#enter()}; cut at once when cancelled already} */
    Step start() {
        Step step = new Step(this, false);
        running.add(step);
        if (canceled) {
            step.cut();
        }
        return step;
    }

    /** The step's task is over: a later cancel has nothing of it to close. */
    void finish(Step step) {
        running.remove(step);
    }

    /** Cuts every step under way that has not committed; steps started afterwards are cut at once. */
    void cancel() {
        canceled = true;
        for (Step step : running) {
            step.cut();
        }
    }

    boolean isCanceled() {
        return canceled;
    }

    /** One agent's task in a batch: its open connections, and whether a cancel cut it or it committed a change. */
    static final class Step {

        /** Outside a batch: committed from the start, so no cancel reaches it and it keeps no connections. */
        static final Step NEVER_CUT = new Step(null, true);

        private final Cancellation batch;
        private final Set<Closeable> connections = new HashSet<>();
        private boolean cut;
        private boolean committed;

        private Step(Cancellation batch, boolean committed) {
            this.batch = batch;
            this.committed = committed;
        }

        /**
         * {@return whether the batch was asked to cancel, even once this step committed: what a committed step waits
         * for (an issuer) may stop at the cancel itself, and its failure is then the cancel's}
         */
        boolean cancelAsked() {
            return batch != null && (batch.canceled || batch.asked.getAsBoolean());
        }

        /** Makes this the calling thread's step until {@link #leave()}. */
        void enter() {
            CURRENT.set(this);
        }

        void leave() {
            CURRENT.remove();
        }

        /**
         * Registers a connection about to be opened, for a cancel to close.
         *
         * @return false when the step was cut already: the connection is closed, and must not be used
         */
        boolean opening(Closeable connection) {
            synchronized (this) {
                if (committed) {
                    return true;
                }
                if (!cut) {
                    connections.add(connection);
                    return true;
                }
            }
            closeQuietly(connection);
            return false;
        }

        /** The connection was closed by its user: a cancel need not close it again. */
        synchronized void closed(Closeable connection) {
            connections.remove(connection);
        }

        /**
         * Commits the step to a change about to be sent: no cancel cuts it from now on.
         *
         * @return false when a cancel cut it before: nothing may be sent
         */
        synchronized boolean commit() {
            if (cut) {
                return false;
            }
            committed = true;
            connections.clear();
            return true;
        }

        /** {@return whether a cancel cut this step, which had not committed: nothing was changed on the agent} */
        synchronized boolean wasCut() {
            return cut;
        }

        private void cut() {
            List<Closeable> open;
            synchronized (this) {
                if (committed) {
                    return;
                }
                cut = true;
                open = new ArrayList<>(connections);
                connections.clear();
            }
            // outside the lock: the step's own thread may be waiting for it to register or close a connection
            for (Closeable connection : open) {
                closeQuietly(connection);
            }
        }

        private static void closeQuietly(Closeable connection) {
            try {
                connection.close();
            } catch (IOException e) {
                // closed to stop it; a failure to close stops it as well
            }
        }
    }
}
