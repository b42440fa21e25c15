package org.certbench.core;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The one home for running a program CertBench was configured to run (a host service's reload command, an issuer's
 * signing program): without a shell, its standard input closed, in a given directory, killed with what it started
 * when it does not finish in time, and what it said (standard output and error together) kept up to a bound, its end
 * (where programs say what went wrong).
 */
public final class ProgramRun {

    private static final TextBundle TEXTS = new TextBundle("org.certbench.core.messages", //$NON-NLS-1$
            ProgramRun.class.getClassLoader());

    /**
     * What a finished program said.
     *
     * @param exitStatus its exit status
     * @param output     the end of its standard output and error together, at most the bound asked for, trimmed
     */
    public record Outcome(int exitStatus, String output) {

        /** {@return whether it exited with status 0} */
        public boolean succeeded() {
            return exitStatus == 0;
        }
    }

    /** A program that was stopped and killed, with every process it started, keeping the end of what it said. */
    public abstract static class Stopped extends IOException {

        private static final long serialVersionUID = 1L;
        private final transient String output;

        Stopped(String message, String output) {
            super(message);
            this.output = output;
        }

        /** {@return what it had said by then (the end, bounded)} */
        public String output() {
            return output;
        }
    }

    /** A program that did not finish in time; it was killed, with every process it started. */
    public static final class TimedOut extends Stopped {

        private static final long serialVersionUID = 1L;

        TimedOut(String message, String output) {
            super(message, output);
        }
    }

    /** A program that wrote more than {@link ProgramRun#MAX_LOG_BYTES}; it was killed, with every process it started. */
    public static final class OutputTooLarge extends Stopped {

        private static final long serialVersionUID = 1L;

        OutputTooLarge(String message, String output) {
            super(message, output);
        }
    }

    /** A program stopped because whoever waited for it canceled; it was killed, with every process it started. */
    public static final class Canceled extends IOException {

        private static final long serialVersionUID = 1L;

        Canceled(String message) {
            super(message);
        }
    }

    /**
     * How much a program may write to its log file before it is killed: the file is on disk, and a program that
     * loops writing ({@code yes}) would fill it.
     */
    public static final long MAX_LOG_BYTES = 1024L * 1024;

    /** How often the log's size and the cancel flag are looked at while the program runs. */
    private static final long SLICE_MILLIS = 100;

    private ProgramRun() {
    }

    /**
     * Runs {@code command} (the program, then its arguments; no shell reads them) to its end.
     *
     * @param command   the program's path or name on the {@code PATH}, then its arguments
     * @param directory its working directory, where its output is collected; {@code null}: CertBench's own, output
     *                  in the system's temporary directory
     * @param timeout   how long it may take
     * @param maxOutput how many characters of its output to keep, from its end
     * @return its exit status and output
     * @throws TimedOut       when it did not finish in time (it is then killed)
     * @throws OutputTooLarge when it wrote more than {@link #MAX_LOG_BYTES} (it is then killed)
     * @throws IOException    when it cannot be started, or the waiting thread was interrupted (it is then killed)
     */
    public static Outcome run(List<String> command, Path directory, Duration timeout, int maxOutput)
            throws IOException {
        return run(command, directory, timeout, maxOutput, () -> false);
    }

    /**
     * As {@link #run(List, Path, Duration, int)}, stopping the program as soon as {@code canceled} says so.
     *
     * @param canceled asked between short slices of waiting
     * @throws Canceled when {@code canceled} said so before the program finished (it is then killed)
     */
    public static Outcome run(List<String> command, Path directory, Duration timeout, int maxOutput,
            BooleanSupplier canceled) throws IOException {
        // Output goes to a file, not a pipe: a program that leaves a daemon behind (a reload command that starts
        // the server) would keep a pipe open, and reading it would never end.
        Path log = directory == null ? Files.createTempFile("certbench-run", ".log") //$NON-NLS-1$ //$NON-NLS-2$
                : Files.createTempFile(directory, "output", ".log"); //$NON-NLS-1$ //$NON-NLS-2$
        Process process = null;
        String shown = String.join(" ", command); //$NON-NLS-1$
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))); //$NON-NLS-1$
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            process = builder.start();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!process.waitFor(Math.min(SLICE_MILLIS, remainingMillis(deadline)), TimeUnit.MILLISECONDS)) {
                if (Files.size(log) > MAX_LOG_BYTES) {
                    kill(process);
                    throw new OutputTooLarge(TEXTS.format("programOutputTooLarge", shown, //$NON-NLS-1$
                            MAX_LOG_BYTES / 1024 / 1024), tail(log, maxOutput));
                }
                if (canceled.getAsBoolean()) {
                    kill(process);
                    throw new Canceled(TEXTS.format("programCanceled", shown)); //$NON-NLS-1$
                }
                if (remainingMillis(deadline) <= 0) {
                    kill(process);
                    throw new TimedOut(TEXTS.format("programTimeout", shown, timeout.toSeconds()), //$NON-NLS-1$
                            tail(log, maxOutput));
                }
            }
            if (Files.size(log) > MAX_LOG_BYTES) {
                throw new OutputTooLarge(TEXTS.format("programOutputTooLarge", shown, //$NON-NLS-1$
                        MAX_LOG_BYTES / 1024 / 1024), tail(log, maxOutput));
            }
            return new Outcome(process.exitValue(), tail(log, maxOutput));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(TEXTS.format("programInterrupted", shown), e); //$NON-NLS-1$
        } finally {
            // whatever ended the wait (an interrupt, an error reading the log), the program does not outlive it
            if (process != null && process.isAlive()) {
                kill(process);
            }
            Files.deleteIfExists(log);
        }
    }

    private static long remainingMillis(long deadline) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    /** Kills the program and everything it started (a shell's children would otherwise run on). */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        // an interrupted caller still waits for the kill to land; its interrupt is given back afterwards
        boolean interrupted = Thread.interrupted();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The end of the output only: a program may have written gigabytes, and what went wrong is said last. */
    private static String tail(Path log, int maxOutput) throws IOException {
        long maxBytes = 4L * maxOutput;
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            long size = channel.size();
            long start = Math.max(0, size - maxBytes);
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - start));
            channel.position(start);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // until full or at the end
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
            return text.length() > maxOutput ? text.substring(text.length() - maxOutput) : text;
        }
    }
}
