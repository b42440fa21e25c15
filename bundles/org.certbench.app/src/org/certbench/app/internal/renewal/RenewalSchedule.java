package org.certbench.app.internal.renewal;

import org.certbench.issuers.Issuers;
import org.certbench.renewal.Renewals;
import org.eclipse.core.runtime.ServiceCaller;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * A model add-on that starts the hourly renewal when the workbench starts and stops it when it closes. Whether it
 * runs is the workbench preference {@value #ENABLED_KEY} (on unless switched off in Settings > Issuers), read at
 * every run so that switching it takes effect without a restart.
 */
public final class RenewalSchedule {

    static final String BUNDLE = "org.certbench.app"; //$NON-NLS-1$
    /** The preference (instance scope, node {@value #BUNDLE}) that switches the hourly run off when false. */
    public static final String ENABLED_KEY = "renewal.scheduled"; //$NON-NLS-1$

    private RenewalJob job;

    /**
     * Schedules the first run. The renewal and issuer services are looked up when a run starts, not here: asking
     * for them activates the renewal, issuer and fleet bundles, which the window does not need before it shows.
     */
    @PostConstruct
    void start() {
        job = new RenewalJob(new ServiceCaller<>(RenewalSchedule.class, Renewals.class),
                new ServiceCaller<>(RenewalSchedule.class, Issuers.class), RenewalSchedule::isEnabled);
        job.schedule(RenewalJob.FIRST_DELAY.toMillis());
    }

    /**
     * Once the window is up, the services are activated in the background, so that neither the first run nor the
     * Agents view (the fleet) waits for them later.
     */
    @Inject
    @Optional
    void windowShown(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event) {
        if (job != null) {
            job.prepareInBackground();
        }
    }

    @PreDestroy
    void stop() {
        if (job != null) {
            job.stop();
        }
    }

    /** {@return whether the workbench renews on its own} */
    public static boolean isEnabled() {
        return preferences().getBoolean(ENABLED_KEY, true);
    }

    /** Switches the workbench's own renewal on or off, from its next run on. */
    public static void setEnabled(boolean enabled) {
        IEclipsePreferences preferences = preferences();
        preferences.putBoolean(ENABLED_KEY, enabled);
        try {
            preferences.flush();
        } catch (org.osgi.service.prefs.BackingStoreException e) {
            // kept for this session; the log says why it will not survive a restart
            System.getLogger(RenewalSchedule.class.getName()).log(System.Logger.Level.WARNING, e.getMessage(), e);
        }
    }

    private static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode(BUNDLE);
    }
}
