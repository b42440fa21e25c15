package org.certbench.messages.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.certbench.core.AuditLog;
import org.certbench.core.TextBundle;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * An audit entry that cannot be written must not pass unseen: besides the log, it becomes a system message. A broken
 * disk fails every change, so a directory is reported at most once per {@link #INTERVAL} - by all processes sharing
 * the home together, as the message's key names the interval and the messages file keeps a key once.
 */
@Component(immediate = true)
public final class AuditFailureMessages {

    static final Duration INTERVAL = Duration.ofHours(1);
    private static final TextBundle TEXTS = new TextBundle("org.certbench.messages.internal.messages", //$NON-NLS-1$
            AuditFailureMessages.class.getClassLoader());

    private final SystemMessages messages;
    private final Clock clock;
    /** The interval each directory was last reported in by this process: no file access for the rest of it. */
    private final Map<java.nio.file.Path, Long> reported = new ConcurrentHashMap<>();
    private final Consumer<AuditLog.NotWritten> listener = this::report;

    @Activate
    public AuditFailureMessages(@Reference SystemMessages messages) {
        this(messages, Clock.systemUTC());
        AuditLog.addFailureListener(listener);
    }

    AuditFailureMessages(SystemMessages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @Deactivate
    public void stop() {
        AuditLog.removeFailureListener(listener);
    }

    /**
     * Called where the entry failed, often holding a store's lock (trust store, inventory, host settings): posting
     * takes {@code messages.lock} inside it. That order - a store's lock, then the messages' - is the only one: the
     * messages store writes no audit entry while it holds its lock, so no two processes wait for each other.
     */
    void report(AuditLog.NotWritten failure) {
        // clock-hour buckets, not a sliding hour: the processes sharing the home agree on them through the key, so a
        // failure at 10:59 and another at 11:00 are two messages (README: at most one per clock hour)
        long interval = clock.millis() / INTERVAL.toMillis();
        Long before = reported.get(failure.directory());
        if (before != null && before == interval) {
            return;
        }
        String what = failure.entries() == 1 ? TEXTS.format("auditOne", failure.action(), failure.object()) //$NON-NLS-1$
                : TEXTS.format("auditSeveral", failure.entries(), failure.action()); //$NON-NLS-1$
        messages.post(Severity.ERROR, TEXTS.format("auditSource"), //$NON-NLS-1$
                TEXTS.format("auditNotWritten", what, failure.directory(), failure.reason(), INTERVAL.toMinutes()), //$NON-NLS-1$
                "audit-not-written:" + failure.directory() + ':' + interval); //$NON-NLS-1$
        // only once posted: a post that failed (the messages cannot be written either) is tried at the next failure
        reported.put(failure.directory(), interval);
    }
}
