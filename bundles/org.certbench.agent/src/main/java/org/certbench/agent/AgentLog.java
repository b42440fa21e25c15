package org.certbench.agent;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.certbench.core.ControlCharacters;

/**
 * The agent's log: one line per event on a stream (stderr for {@code certbench-agent run}), so that
 * journald or a terminal shows start, port, certificate in use and every refused call as they happen.
 * Each line carries a timestamp and the agent's name (its port), because a fleet benchmark runs many
 * agents in one process.
 * <p>
 * Arguments often come from clients (request paths, certificate subjects): control characters in them are
 * escaped, so that no client can start a line of its own or send terminal escapes to whoever reads the log,
 * and long ones are cut.
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

    /** Longer argument texts are cut: a request path may be 16 KiB. */
    static final int MAX_ARGUMENT_CHARS = 256;

    public void info(String key, Object... arguments) {
        line("INFO", Messages.format(key, safe(arguments)));
    }

    public void warn(String key, Object... arguments) {
        line("WARN", Messages.format(key, safe(arguments)));
    }

    public void error(String key, Object... arguments) {
        line("ERROR", Messages.format(key, safe(arguments)));
    }

    private static Object[] safe(Object[] arguments) {
        Object[] safe = arguments.clone();
        for (int i = 0; i < safe.length; i++) {
            if (safe[i] instanceof CharSequence text) {
                safe[i] = escape(text);
            }
        }
        return safe;
    }

    /**
     * The text with CR, LF, tab, ESC and every other control character (C0, DEL, C1, the Unicode line and
     * paragraph separators, bidirectional overrides) written as backslash-r, backslash-n, backslash-t or a backslash-u escape; cut after
     * {@link #MAX_ARGUMENT_CHARS} characters.
     */
    static String escape(CharSequence text) {
        int length = Math.min(text.length(), MAX_ARGUMENT_CHARS);
        StringBuilder escaped = new StringBuilder(length + 16);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> escaped.append("\\r");
                case '\n' -> escaped.append("\\n");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (ControlCharacters.isControl(c)) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        if (text.length() > length) {
            escaped.append(Messages.format("LOG_CUT", text.length()));
        }
        return escaped.toString();
    }

    private void line(String level, String message) {
        String text = Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + level + " " + name + ": " + message;
        // println on a PrintStream is synchronised, so lines of concurrent connections never interleave
        out.println(text);
    }
}
