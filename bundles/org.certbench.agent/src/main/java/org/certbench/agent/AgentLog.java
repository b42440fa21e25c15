package org.certbench.agent;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The agent's log: one line per event on a stream (stderr for {@code certbench-agent run}), so that
 * journald or a terminal shows start, port, certificate in use and every refused call as they happen.
 * Each line carries a timestamp and the agent's name (its port), because a fleet benchmark runs many
 * agents in one process.
 */
public final class AgentLog {

    private final PrintStream out;
    private volatile String name = "certbench-agent";

    public AgentLog(PrintStream out) {
        this.out = out;
    }

    /** Names the agent in every following line, e.g. by its port once it is bound. */
    public void name(String value) {
        name = value;
    }

    public void info(String key, Object... arguments) {
        line("INFO", Messages.format(key, arguments));
    }

    public void warn(String key, Object... arguments) {
        line("WARN", Messages.format(key, arguments));
    }

    private void line(String level, String message) {
        String text = Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + level + " " + name + ": " + message;
        // println on a PrintStream is synchronised, so lines of concurrent connections never interleave
        out.println(text);
    }
}
