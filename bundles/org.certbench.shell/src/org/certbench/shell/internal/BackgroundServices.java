package org.certbench.shell.internal;

import org.certbench.core.BackgroundStart;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Starts the services marked {@value #FILTER} (expiry, notifications, host certificates) before the shell runs its
 * command, as it did when they were immediate components: their work begins when they start (the CA certificates'
 * expiry check, sending what waits in the outbox, the host certificate check), and a one-shot shell from cron is
 * how a home without a running workbench gets it. The workbench starts them after its window shows instead, which
 * is why they are delayed. Held until the framework stops them when the shell ends.
 */
final class BackgroundServices {

    static final String FILTER = BackgroundStart.FILTER;

    private BackgroundServices() {
    }

    /** Gets every such service now, and any registered later, until the framework stops. */
    static void start(BundleContext context) {
        try {
            new ServiceTracker<>(context, context.createFilter(FILTER), null).open(true);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
