package org.certbench.host.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.certbench.core.ConfigurationOwners;
import org.certbench.core.ProgramRun;

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
     * Runs it by CertBench's one program runner (no shell, stdin closed, output to a file, killed when late).
     *
     * @throws IOException when the command cannot be started, or does not finish in time (it is then killed)
     */
    static Outcome run(List<String> command, Duration timeout) throws IOException {
        ProgramRun.Outcome outcome = ProgramRun.run(command, null, timeout, MAX_OUTPUT);
        return new Outcome(outcome.exitStatus(), outcome.output());
    }
}
