package org.certbench.host.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certbench.core.ConfigurationOwners;

/**
 * Runs a service's own tool (reload command, psql, pg_ctl) and keeps what it said, for the administrator. As
 * root, a tool of a service that runs as another user runs as that user (PostgreSQL's refuse root).
 */
final class ProcessRun {

    private static final Path RUNUSER = Path.of("/usr/sbin/runuser"); //$NON-NLS-1$
    private static final int MAX_OUTPUT = 4000;

    /** What a finished command said: exit status and its output (stdout and stderr together), trimmed. */
    record Outcome(int exitStatus, String output) {

        boolean succeeded() {
            return exitStatus == 0;
        }
    }

    private ProcessRun() {
    }

    /** The command as {@code user} when CertBench runs as root and the user is another; else as it is. */
    static List<String> as(UserPrincipal user, List<String> command) {
        if (user == null || !ConfigurationOwners.runningAsRoot() || "root".equals(user.getName())) { //$NON-NLS-1$
            return command;
        }
        List<String> wrapped = new ArrayList<>();
        wrapped.add(Files.isExecutable(RUNUSER) ? RUNUSER.toString() : "runuser"); //$NON-NLS-1$
        wrapped.addAll(List.of("-u", user.getName(), "--")); //$NON-NLS-1$ //$NON-NLS-2$
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * @throws IOException when the command cannot be started, or does not finish in time (it is then killed)
     */
    static Outcome run(List<String> command, Duration timeout) throws IOException {
        // Output goes to a file, not a pipe: a tool that leaves a daemon behind (a reload command that starts
        // the server) would keep a pipe open, and reading it would never end.
        Path log = Files.createTempFile("certbench-host", ".log"); //$NON-NLS-1$ //$NON-NLS-2$
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start(); //$NON-NLS-1$
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": no answer within " + timeout.toSeconds() + " s"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
            }
            return new Outcome(process.exitValue(), tail(log));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e); //$NON-NLS-1$
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8).strip();
        return text.length() > MAX_OUTPUT ? text.substring(text.length() - MAX_OUTPUT) : text;
    }
}
