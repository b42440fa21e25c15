package org.certbench.app.internal.renewal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

            // another process's run (a timer's renewal:run) holds the run lock: this hour is skipped
            Process otherRun = holdRunLock(StateDirectory.area("renewal").resolve("run.lock"));
            try {
                IStatus skipped = runNow(job);
                assertEquals(IStatus.INFO, skipped.getSeverity());
                assertEquals(Messages.Renewal_skipped, skipped.getMessage());
            } finally {
                otherRun.getOutputStream().close();
                otherRun.waitFor();
            }
            assertEquals(Messages.Renewal_ran, runNow(job).getMessage(), "the other run ended");

            RenewalSchedule.setEnabled(false);
            policies().setPolicy(new RenewalPolicy(IssueKind.AGENT, Optional.of("no-such-issuer"), DueRule.DEFAULT,
                    false));
            assertEquals(Messages.Renewal_off, runNow(job).getMessage(), "switched off: the service is not called");
        } finally {
            job.removeJobChangeListener(listener);
        }
    }

    /**
     * A process holding the run lock as another run does (a POSIX record lock, which Java's file locks are on
     * Linux), until its stdin closes.
     */
    private static Process holdRunLock(Path lockFile) throws Exception {
        Files.createDirectories(lockFile.getParent());
        Process process = new ProcessBuilder("/usr/bin/python3", "-c",
                "import fcntl, sys\n"
                        + "f = open(sys.argv[1], 'a')\n"
                        + "fcntl.lockf(f, fcntl.LOCK_EX)\n"
                        + "print('locked', flush=True)\n"
                        + "sys.stdin.read()\n",
                lockFile.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertEquals("locked", line);
        return process;
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
