package org.certbench.app.internal.renewal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.app.internal.Messages;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.Issuers;
import org.certbench.renewal.RenewalException;
import org.certbench.renewal.Renewals;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.ServiceCaller;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

/**
 * The workbench's scheduled renewal: {@code renewal:run} once an hour while the window is open. A run another
 * process holds (a timer's shell) is not waited for: this one skips until the next hour. The run posts its own
 * system messages; the Job's result only says what it did, for the log and the progress view.
 */
public final class RenewalJob extends Job {

    /** The family of this Job, for finding it. */
    public static final Object FAMILY = RenewalJob.class;
    /** From the window's start to the first run: the window comes up first, the handshakes later. */
    static final Duration FIRST_DELAY = Duration.ofMinutes(1);
    static final Duration INTERVAL = Duration.ofHours(1);
    /** From the window's start to activating the services a run uses. */
    static final Duration PREPARE_DELAY = Duration.ofSeconds(1);

    private final ServiceCaller<Renewals> renewals;
    private final ServiceCaller<Issuers> issuers;
    private final BooleanSupplier enabled;
    private volatile boolean stopped;

    /**
     * @param renewals the renewal service, looked up at each run (a run without one renews nothing)
     * @param issuers the issuers, whose revocation lists are kept signed even while renewal is off
     */
    RenewalJob(ServiceCaller<Renewals> renewals, ServiceCaller<Issuers> issuers, BooleanSupplier enabled) {
        super(Messages.Renewal_job);
        this.renewals = renewals;
        this.issuers = issuers;
        this.enabled = enabled;
        setSystem(false);
        setPriority(LONG);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    /**
     * Activates the services a run uses (a system Job of its own, after {@link #PREPARE_DELAY}: the window's first
     * paint comes first), without running.
     */
    void prepareInBackground() {
        Job.createSystem(Messages.Renewal_job, monitor -> {
            renewals.current();
            issuers.current();
        }).schedule(PREPARE_DELAY.toMillis());
    }

    /** Ends the schedule: a run under way is cancelled, none follows. */
    void stop() {
        stopped = true;
        cancel();
        renewals.unget();
        issuers.unget();
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            if (!enabled.getAsBoolean()) {
                // a revocation list past its nextUpdate makes clients refuse every certificate of its CA: that is
                // not renewal, and does not stop with it (a run re-signs them too)
                Issuers current = issuers.current().orElse(null);
                if (current != null) {
                    current.refreshRevocationLists();
                }
                return new Status(IStatus.INFO, RenewalSchedule.BUNDLE, Messages.Renewal_off);
            }
            Renewals service = renewals.current().orElse(null);
            if (service == null) {
                return new Status(IStatus.INFO, RenewalSchedule.BUNDLE, Messages.Renewal_noService);
            }
            boolean ran = service.runScheduled(progress(monitor));
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            return ran ? new Status(IStatus.OK, RenewalSchedule.BUNDLE, Messages.Renewal_ran)
                    : new Status(IStatus.INFO, RenewalSchedule.BUNDLE, Messages.Renewal_skipped);
        } catch (RenewalException | IssuerException e) {
            return new Status(IStatus.WARNING, RenewalSchedule.BUNDLE, e.getMessage(), e);
        } finally {
            if (!stopped) {
                schedule(INTERVAL.toMillis());
            }
        }
    }

    private static BatchMonitor progress(IProgressMonitor monitor) {
        return new BatchMonitor() {
            private SubMonitor progress = SubMonitor.convert(monitor);

            @Override
            public void begin(int agents) {
                progress = SubMonitor.convert(monitor, Messages.Renewal_job, agents);
            }

            @Override
            public void agentDone(AgentResult<?> result) {
                progress.worked(1);
                progress.subTask(result.agent());
            }

            @Override
            public boolean isCanceled() {
                return monitor.isCanceled();
            }
        };
    }
}
