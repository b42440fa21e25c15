package org.certbench.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.certbench.ui.progress.ProgressLine;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

/**
 * The window's progress line, contributed by the application's own model (any bundle's Job shows there, whichever
 * views are installed): a user Job shows with its step, and its Cancel stops it.
 */
class ProgressLineUiTest {

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();

    @Test
    void aUserJobShowsInTheWindowsLineAndItsCancelStopsIt() throws Exception {
        Shell main = ui.waitForShell("CertBench");
        Label text = ui.byId(main, Label.class, ProgressLine.TEXT_ID);
        Button cancel = ui.byId(main, Button.class, ProgressLine.CANCEL_ID);
        AtomicInteger steps = new AtomicInteger();
        // a batch of about 80 minutes: it ends when cancelled
        Job job = Job.create("Checking test items", monitor -> {
            SubMonitor progress = SubMonitor.convert(monitor, "Checking test items", 1_000_000);
            for (int step = 1; step <= 1_000_000; step++) {
                progress.subTask("item " + step);
                progress.split(1); // throws OperationCanceledException once cancelled
                steps.incrementAndGet();
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // a step that leaves the cores to the window
            }
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();

        ui.waitUntil("the Job in the progress line",
                () -> ui.onUi(text::getText).startsWith("Checking test items") && ui.onUi(cancel::isVisible));
        assertTrue(ui.onUi(cancel::isEnabled), "Cancel can be pressed");
        ui.screenshot(main, Path.of("target", "screenshots", "progress-line.png"));
        ui.clickWithMouse(cancel);

        job.join();
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), "the Job stopped at the next step");
        assertTrue(steps.get() < 1_000_000, "it did not run to its end");
        ui.waitUntil("the line empty again", () -> ui.onUi(text::getText).isEmpty() && !ui.onUi(cancel::isVisible));
    }
}
