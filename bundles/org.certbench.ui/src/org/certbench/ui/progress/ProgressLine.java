package org.certbench.ui.progress;

import java.util.ArrayList;
import java.util.List;

import org.certbench.core.WidgetIds;
import org.certbench.ui.internal.progress.Messages;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.IJobManager;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.ProgressProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

/**
 * A line for the bottom of the window that shows the running user Jobs (not system Jobs): the name and current
 * step of the latest one, its progress, and a Cancel button that cancels it; hidden content when nothing runs. It
 * is the Job manager's progress provider while it exists (one per application).
 * <p>
 * The Jobs report from their own threads; the line is brought up to date on the UI thread at most once per event
 * loop turn, so a batch of 10,000 agents does not flood the display.
 */
public final class ProgressLine {

    /** The widget id of the line's text (for UI tests). */
    public static final String TEXT_ID = "progress.text"; //$NON-NLS-1$

    /** The widget id of the Cancel button (for UI tests). */
    public static final String CANCEL_ID = "progress.cancel"; //$NON-NLS-1$

    private static final int SCALE = 1000;

    private final Display display;
    private final Composite line;
    private final Label text;
    private final ProgressBar bar;
    private final Button cancel;
    /** The monitors of the running user Jobs, oldest first; guarded by itself. */
    private final List<LineMonitor> running = new ArrayList<>();
    private boolean updatePending;
    private final IJobManager jobs = Job.getJobManager();

    /** Creates the line under {@code parent} and makes it the Job manager's progress provider. Call on the UI thread. */
    public ProgressLine(Composite parent) {
        display = parent.getDisplay();
        line = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 1).applyTo(line);
        text = new Label(line, SWT.NONE);
        text.setData(WidgetIds.KEY, TEXT_ID);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).hint(420, SWT.DEFAULT)
                .applyTo(text);
        bar = new ProgressBar(line, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setMaximum(SCALE);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(160, SWT.DEFAULT).applyTo(bar);
        cancel = new Button(line, SWT.PUSH);
        cancel.setText(Messages.Progress_cancel);
        cancel.setData(WidgetIds.KEY, CANCEL_ID);
        cancel.addListener(SWT.Selection, event -> cancelLatest());
        jobs.setProgressProvider(new ProgressProvider() {
            @Override
            public IProgressMonitor createMonitor(Job job) {
                return job.isSystem() ? null : new LineMonitor(job);
            }
        });
        // a Job's monitor is not always told done(): its end is heard from the manager too
        IJobChangeListener ended = new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                synchronized (running) {
                    running.removeIf(monitor -> monitor.job == event.getJob());
                }
                scheduleUpdate();
            }
        };
        jobs.addJobChangeListener(ended);
        line.addListener(SWT.Dispose, event -> {
            jobs.removeJobChangeListener(ended);
            jobs.setProgressProvider(null);
        });
        show();
    }

    /** {@return the line's composite, for layout} */
    public Composite control() {
        return line;
    }

    private void cancelLatest() {
        LineMonitor latest = latest();
        if (latest != null) {
            latest.job.cancel();
            latest.setCanceled(true);
            scheduleUpdate();
        }
    }

    private LineMonitor latest() {
        synchronized (running) {
            return running.isEmpty() ? null : running.get(running.size() - 1);
        }
    }

    private int runningCount() {
        synchronized (running) {
            return running.size();
        }
    }

    private void scheduleUpdate() {
        synchronized (running) {
            if (updatePending) {
                return;
            }
            updatePending = true;
        }
        if (!display.isDisposed()) {
            display.asyncExec(this::show);
        }
    }

    private void show() {
        synchronized (running) {
            updatePending = false;
        }
        if (line.isDisposed()) {
            return;
        }
        LineMonitor latest = latest();
        boolean busy = latest != null;
        String words = ""; //$NON-NLS-1$
        if (busy) {
            words = latest.subTask == null || latest.subTask.isEmpty() ? latest.name()
                    : NLS.bind(Messages.Progress_task, latest.name(), latest.subTask);
            if (latest.isCanceled()) {
                words = NLS.bind(Messages.Progress_canceling, words);
            }
            int others = runningCount() - 1;
            if (others > 0) {
                words = words + ' ' + NLS.bind(Messages.Progress_more, others);
            }
        }
        text.setText(words);
        text.setToolTipText(busy ? words : null);
        bar.setVisible(busy);
        bar.setSelection(busy && latest.total > 0 ? (int) Math.min(SCALE, latest.done * SCALE / latest.total) : 0);
        cancel.setVisible(busy);
        cancel.setEnabled(busy && !latest.isCanceled());
    }

    /** A Job's monitor that reports to the line; cancelled through {@link Job#cancel()} or the line's button. */
    private final class LineMonitor implements IProgressMonitor {

        private final Job job;
        private volatile boolean canceled;
        private volatile String task;
        private volatile String subTask;
        private volatile double total;
        private volatile double done;

        LineMonitor(Job job) {
            this.job = job;
        }

        String name() {
            return task == null || task.isEmpty() ? job.getName() : task;
        }

        @Override
        public void beginTask(String name, int totalWork) {
            task = name;
            total = totalWork == UNKNOWN ? 0 : totalWork;
            done = 0;
            synchronized (running) {
                if (!running.contains(this)) {
                    running.add(this);
                }
            }
            scheduleUpdate();
        }

        @Override
        public void done() {
            synchronized (running) {
                running.remove(this);
            }
            scheduleUpdate();
        }

        @Override
        public void internalWorked(double work) {
            done += work;
            scheduleUpdate();
        }

        @Override
        public boolean isCanceled() {
            return canceled;
        }

        @Override
        public void setCanceled(boolean value) {
            canceled = value;
        }

        @Override
        public void setTaskName(String name) {
            task = name;
            scheduleUpdate();
        }

        @Override
        public void subTask(String name) {
            subTask = name;
            scheduleUpdate();
        }

        @Override
        public void worked(int work) {
            internalWorked(work);
        }
    }
}
