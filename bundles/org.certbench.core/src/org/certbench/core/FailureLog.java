package org.certbench.core;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Logs a failure that repeats - every look of a watch, every read of a store that cannot be read - once, and
 * again only when it changes; once it ends, a line says so. A file that stays unreadable for a day then costs two
 * lines, not one stack trace every two seconds.
 */
public final class FailureLog {

    private final System.Logger log;
    private String last;

    /** A log of one repeating failure, written to {@code log} (not null); nothing has failed yet. */
    public FailureLog(System.Logger log) {
        this.log = Objects.requireNonNull(log);
    }

    /** Logs {@code message} (with {@code cause}) unless it is the failure logged last. */
    public synchronized void failed(String message, Throwable cause) {
        if (!message.equals(last)) {
            last = message;
            log.log(System.Logger.Level.WARNING, message, cause);
        }
    }

    /** After a failure: logs {@code recovered} once; otherwise nothing (the text is not even made). */
    public synchronized void succeeded(Supplier<String> recovered) {
        if (last != null) {
            last = null;
            log.log(System.Logger.Level.INFO, recovered.get());
        }
    }

    /** Whether the last outcome was a failure. */
    public synchronized boolean failing() {
        return last != null;
    }
}
