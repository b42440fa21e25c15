package org.certbench.app.internal;

import java.time.Duration;

import org.certbench.core.BackgroundStart;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.event.Event;
import org.osgi.util.tracker.ServiceTracker;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * A model add-on that starts the services marked {@value #FILTER} (expiry, notifications, host certificates) a second
 * after the window shows. Their work begins when they start - the CA certificates' expiry check, sending what waits
 * in the outbox, the host certificate check - and the window needs none of it; as immediate components they started
 * before it. The tracker holds them until the workbench closes, so they run as long as it does (a delayed component
 * nobody holds is stopped again), and takes up one registered again, after a plug-in refreshed its bundle.
 */
public final class BackgroundServices {

    /** The service property of the components an application starts once it is up. */
    static final String FILTER = BackgroundStart.FILTER;
    /** From the window's start to starting them: the window's first paint comes first. */
    static final Duration DELAY = Duration.ofSeconds(1);

    private final String filter;
    private ServiceTracker<Object, Object> tracker;
    private boolean stopped;

    /** The add-on of the application model: the services marked {@value #FILTER}. */
    public BackgroundServices() {
        this(FILTER);
    }

    /** Those {@code filter} selects: a test's own, which the running workbench's add-on leaves alone. */
    BackgroundServices(String filter) {
        this.filter = filter;
    }

    @Inject
    @Optional
    void windowShown(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event) {
        Job.createSystem(Messages.Background_job, monitor -> {
            start();
        }).schedule(DELAY.toMillis());
    }

    synchronized void start() {
        if (stopped || tracker != null) {
            return;
        }
        BundleContext context = FrameworkUtil.getBundle(BackgroundServices.class).getBundleContext();
        try {
            tracker = new ServiceTracker<>(context, context.createFilter(filter), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open(true);
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (tracker != null) {
            tracker.close();
        }
    }
}
