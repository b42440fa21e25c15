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

    /** A program that did not finish in time; it was killed, with every process it started. */
    public static final class TimedOut extends IOException {

        private static final long serialVersionUID = 1L;
        private final transient String output;

        TimedOut(String message, String output) {
            super(message);
            this.output = output;
        }

        /** {@return what it had said by then (the end, bounded)} */
        public String output() {
            return output;
        }
    }

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
     * @throws TimedOut    when it did not finish in time (it is then killed)
     * @throws IOException when it cannot be started
     */
    public static Outcome run(List<String> command, Path directory, Duration timeout, int maxOutput)
            throws IOException {
        // Output goes to a file, not a pipe: a program that leaves a daemon behind (a reload command that starts
        // the server) would keep a pipe open, and reading it would never end.
        Path log = directory == null ? Files.createTempFile("certbench-run", ".log") //$NON-NLS-1$ //$NON-NLS-2$
                : Files.createTempFile(directory, "output", ".log"); //$NON-NLS-1$ //$NON-NLS-2$
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))); //$NON-NLS-1$
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new TimedOut(TEXTS.format("programTimeout", String.join(" ", command), //$NON-NLS-1$ //$NON-NLS-2$
                        timeout.toSeconds()), tail(log, maxOutput));
            }
            return new Outcome(process.exitValue(), tail(log, maxOutput));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(TEXTS.format("programInterrupted", String.join(" ", command)), e); //$NON-NLS-1$ //$NON-NLS-2$
        } finally {
            Files.deleteIfExists(log);
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
