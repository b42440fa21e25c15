package org.certbench.app.internal.renewal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.certbench.app.internal.Messages;
import org.certbench.core.StateDirectory;
import org.certbench.issuers.IssueKind;
import org.certbench.renewal.DueRule;
import org.certbench.renewal.RenewalPolicies;
import org.certbench.renewal.RenewalPolicy;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The workbench's hourly renewal: the Job the add-on scheduled at start runs the real renewal service (with the
 * policy in the home), skips while another run holds the run lock, and does nothing when switched off. The test
 * wakes the sleeping Job instead of waiting for its hour.
 */
class RenewalScheduleUiTest {

    private final BlockingQueue<IStatus> results = new LinkedBlockingQueue<>();
    private final JobChangeAdapter listener = new JobChangeAdapter() {
        @Override
        public void done(IJobChangeEvent event) {
            results.add(event.getResult());
        }
    };

    @AfterEach
    void restore() throws Exception {
        RenewalSchedule.setEnabled(true);
        policies().setPolicy(RenewalPolicy.unconfigured(IssueKind.AGENT));
    }

    @Test
    void theHourlyJobRunsTheRenewalServiceSkipsABusyRunAndCanBeSwitchedOff() throws Exception {
        Job job = scheduledJob();
        waitUntilSleeping(job);
        job.addJobChangeListener(listener);
        try {
            // an agent policy naming an issuer that does not exist: only the real service's run reports that
            policies().setPolicy(new RenewalPolicy(IssueKind.AGENT, Optional.of("no-such-issuer"), DueRule.DEFAULT,
                    false));
            IStatus ran = runNow(job);
            assertEquals(IStatus.WARNING, ran.getSeverity(), ran.toString());
            assertTrue(ran.getMessage().contains("There is no issuer named 'no-such-issuer'"), ran.getMessage());
            waitUntilSleeping(job);

            policies().setPolicy(RenewalPolicy.unconfigured(IssueKind.AGENT));
            assertEquals(Messages.Renewal_ran, runNow(job).getMessage());

            Path lockFile = StateDirectory.area("renewal").resolve("run.lock");
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock held = channel.lock()) {
                IStatus skipped = runNow(job);
                assertEquals(IStatus.INFO, skipped.getSeverity());
                assertEquals(Messages.Renewal_skipped, skipped.getMessage());
            }

            RenewalSchedule.setEnabled(false);
            policies().setPolicy(new RenewalPolicy(IssueKind.AGENT, Optional.of("no-such-issuer"), DueRule.DEFAULT,
                    false));
            assertEquals(Messages.Renewal_off, runNow(job).getMessage(), "switched off: the service is not called");
        } finally {
            job.removeJobChangeListener(listener);
        }
    }

    private static Job scheduledJob() {
        Job[] jobs = Job.getJobManager().find(RenewalJob.FAMILY);
        assertEquals(1, jobs.length, "the add-on schedules one renewal Job at start");
        return jobs[0];
    }

    /** Asleep until its next hour: scheduled again after every run. */
    private static void waitUntilSleeping(Job job) throws InterruptedException {
        for (int i = 0; i < 1200 && job.getState() != Job.SLEEPING; i++) {
            Thread.sleep(50);
        }
        assertEquals(Job.SLEEPING, job.getState(), "the renewal Job waits for its next run");
    }

    private IStatus runNow(Job job) throws InterruptedException {
        waitUntilSleeping(job);
        results.clear();
        job.wakeUp();
        IStatus result = results.poll(120, TimeUnit.SECONDS);
        assertTrue(result != null, "the renewal Job did not finish within 120 s");
        return result;
    }

    private static RenewalPolicies policies() {
        BundleContext context = FrameworkUtil.getBundle(RenewalScheduleUiTest.class).getBundleContext();
        return context.getService(context.getServiceReference(RenewalPolicies.class));
    }
}
