package org.certbench.core;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * How an open workbench notices what another process (a {@code certbench-shell} command) changed in the home: the
 * {@link FileStamp} of a file is compared every period on one daemon thread shared by all watches, and the
 * watcher is told when it differs. A stamp costs one {@code stat}; unlike a {@code WatchService} it also works on
 * network file systems and sees a file replaced by rename. A watcher that throws is logged and asked again next
 * time: one failed run never ends a watch, not even one that threw an {@code Error} (except a JVM out of memory).
 */
public final class FileWatch implements AutoCloseable {

    /** How often the stores of the home look by default: an administrator sees a shell's change within it. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(2);

    private static final System.Logger LOG = System.getLogger(FileWatch.class.getName());
    private static final TextBundle TEXTS = new TextBundle("org.certbench.core.messages", //$NON-NLS-1$
            FileWatch.class.getClassLoader());

    private static final class Scheduler {
        static final ScheduledExecutorService INSTANCE = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "CertBench file watch"); //$NON-NLS-1$
            thread.setDaemon(true);
            return thread;
        });
    }

    private final Path file;
    private final Runnable changed;
    private FileStamp known;
    private final ScheduledFuture<?> schedule;
    private final FailureLog failures = new FailureLog(LOG);

    private FileWatch(Path file, FileStamp known, Duration period, Runnable changed) {
        this.file = file;
        this.known = known;
        this.changed = changed;
        this.schedule = Scheduler.INSTANCE.scheduleWithFixedDelay(this::look, period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code look} every {@code period} on the watch thread, for a store whose state is more than one file's
     * stamp (a directory of files, where the store compares the stamps itself). A look that throws is logged and
     * runs again next time.
     */
    public static FileWatch every(Duration period, Path watched, Runnable look) {
        return new FileWatch(watched, null, period, look);
    }

    /**
     * Watches {@code file}: {@code changed} runs (on the watch thread) after its stamp differs from what it was
     * now. The watcher compares with its own state itself: a change this process made also tells it.
     */
    public static FileWatch start(Path file, Duration period, Runnable changed) throws IOException {
        return new FileWatch(file, FileStamp.of(file).trustedAt(java.time.Instant.now()), period, changed);
    }

    private void look() {
        try {
            if (known == null) {
                changed.run();
            } else {
                FileStamp now = FileStamp.of(file);
                if (!now.equals(known)) {
                    // a stamp within the tick of its change is held as unsure: the watcher is asked once more later
                    known = now.trustedAt(java.time.Instant.now());
                    changed.run();
                }
            }
            failures.succeeded(() -> TEXTS.format("watchRecovered", file)); //$NON-NLS-1$
        } catch (Throwable e) { // NOPMD an Error thrown out of a scheduled run would cancel the watch for good
            rethrowIfFatal(e);
            // a failure that persists (an unreadable directory) is logged once, not every period
            failures.failed(TEXTS.format("watchFailed", file, String.valueOf(e.getMessage())), e); //$NON-NLS-1$
        }
    }

    /**
     * A watcher's {@code LinkageError} (a plug-in updated under it), {@code AssertionError} or
     * {@code StackOverflowError} concerns that one run: it is logged and the watch goes on. Only a JVM out of
     * memory or broken ({@code VirtualMachineError}s other than a stack overflow) is thrown on, as nothing can be
     * relied on any more.
     */
    private static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
    }

    @Override
    public void close() {
        schedule.cancel(false);
    }
}
