package org.certbench.renewal.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.certbench.issuers.IssueKind;

/**
 * The failed renewal attempts of every certificate, in {@code <home>/renewal/attempts.properties}, so that a
 * {@code renewal:run} of a timer backs off from where the workbench's stopped. Entries are
 * {@code KIND|FIELD|TARGET}: the target (an agent's name) goes last, whatever it contains.
 */
final class Attempts {

    private static final String FAILURES = "failures"; //$NON-NLS-1$
    private static final String KIND = "kind"; //$NON-NLS-1$
    private static final String REASON = "reason"; //$NON-NLS-1$
    private static final String NOT_BEFORE = "notBefore"; //$NON-NLS-1$
    private static final String MESSAGE = "message"; //$NON-NLS-1$
    private static final String[] FIELDS = { FAILURES, KIND, REASON, NOT_BEFORE, MESSAGE };

    private final SettingsFile file;

    Attempts(SettingsFile file) {
        this.file = file;
    }

    SettingsFile file() {
        return file;
    }

    Optional<Attempt> get(IssueKind kind, String target) throws IOException {
        return read(file.read(), kind, target);
    }

    /**
     * Records one more failure, and decides the next attempt from the failures in a row.
     *
     * @param messageId the system message already reporting this kind of failure, or empty
     * @return the record as written
     */
    Attempt failed(IssueKind kind, String target, String failureKind, String reason, Optional<Instant> retryAfter,
            Instant now, Backoff backoff, java.util.function.Function<Optional<Attempt>, String> messageId)
            throws IOException {
        Attempt[] written = new Attempt[1];
        file.change(entries -> {
            Optional<Attempt> before = read(entries, kind, target);
            int failures = before.map(Attempt::failures).orElse(0) + 1;
            Attempt attempt = new Attempt(failures, failureKind, reason,
                    notBefore(now.plus(backoff.after(failures)), retryAfter), messageId.apply(before));
            put(entries, kind, target, attempt);
            written[0] = attempt;
        });
        return written[0];
    }

    /**
     * One certificate's failed attempt: its kind of failure ({@link FailureKind#label()}), reason in words, and the
     * time the issuer asked not to be tried before, where it said one.
     */
    record Failure(String failureKind, String reason, Optional<Instant> retryAfter) {

        Failure(String failureKind, String reason) {
            this(failureKind, reason, Optional.empty());
        }
    }

    /** The backoff's next attempt, or later where the issuer asked for later (a CA's Retry-After). */
    static Instant notBefore(Instant backedOff, Optional<Instant> retryAfter) {
        return retryAfter.filter(asked -> asked.isAfter(backedOff)).orElse(backedOff);
    }

    /**
     * What one batch left: the records of the failed certificates as written, and what the succeeded ones' earlier
     * failures left (now forgotten).
     */
    record Recorded(Map<String, Attempt> failed, Map<String, Attempt> cleared) {
    }

    /**
     * Records the outcome of a whole batch in one write: a batch of 10,000 failing agents must not rewrite the file
     * 10,000 times. A failure of another kind than the last one keeps no system message: it is reported anew.
     *
     * @throws IOException if the file cannot be read or written; nothing is recorded then
     */
    Recorded record(IssueKind kind, Collection<String> succeeded, Map<String, Failure> failures, Instant now,
            Backoff backoff) throws IOException {
        Map<String, Attempt> failed = new HashMap<>();
        Map<String, Attempt> cleared = new HashMap<>();
        boolean anyCleared = false;
        Map<String, String> known = file.read();
        for (String target : succeeded) {
            anyCleared |= known.containsKey(key(kind, FAILURES, target));
        }
        if (failures.isEmpty() && !anyCleared) {
            return new Recorded(Map.of(), Map.of());
        }
        file.change(entries -> {
            for (String target : succeeded) {
                read(entries, kind, target).ifPresent(before -> cleared.put(target, before));
                for (String field : FIELDS) {
                    entries.remove(key(kind, field, target));
                }
            }
            for (Map.Entry<String, Failure> each : failures.entrySet()) {
                Optional<Attempt> before = read(entries, kind, each.getKey());
                int count = before.map(Attempt::failures).orElse(0) + 1;
                String messageId = before.filter(attempt -> attempt.failureKind().equals(each.getValue()
                        .failureKind())).map(Attempt::messageId).orElse(""); //$NON-NLS-1$
                Attempt attempt = new Attempt(count, each.getValue().failureKind(), each.getValue().reason(),
                        notBefore(now.plus(backoff.after(count)), each.getValue().retryAfter()), messageId);
                put(entries, kind, each.getKey(), attempt);
                failed.put(each.getKey(), attempt);
            }
        });
        return new Recorded(failed, cleared);
    }

    /** Records the system messages that report certificates' failures, in one write, so that retries post no other. */
    void withMessages(IssueKind kind, Map<String, String> messageIds) throws IOException {
        if (messageIds.isEmpty()) {
            return;
        }
        file.change(entries -> messageIds.forEach((target, messageId) -> {
            if (entries.containsKey(key(kind, FAILURES, target))) {
                entries.put(key(kind, MESSAGE, target), messageId);
            }
        }));
    }

    /** Records the system message that reports the certificate's failures, so that retries post no other. */
    void withMessage(IssueKind kind, String target, String messageId) throws IOException {
        file.change(entries -> {
            if (entries.containsKey(key(kind, FAILURES, target))) {
                entries.put(key(kind, MESSAGE, target), messageId);
            }
        });
    }

    /** {@return what the certificate's failures left, now forgotten; empty if there were none} */
    Optional<Attempt> succeeded(IssueKind kind, String target) throws IOException {
        Optional<Attempt> before = get(kind, target);
        if (before.isEmpty()) {
            return before;
        }
        file.change(entries -> {
            for (String field : FIELDS) {
                entries.remove(key(kind, field, target));
            }
        });
        return before;
    }

    private static Optional<Attempt> read(Map<String, String> entries, IssueKind kind, String target) {
        String failures = entries.get(key(kind, FAILURES, target));
        if (failures == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Attempt(Integer.parseInt(failures), entries.getOrDefault(key(kind, KIND, target), ""), //$NON-NLS-1$
                    entries.getOrDefault(key(kind, REASON, target), ""), //$NON-NLS-1$
                    Instant.parse(entries.getOrDefault(key(kind, NOT_BEFORE, target), Instant.EPOCH.toString())),
                    entries.getOrDefault(key(kind, MESSAGE, target), ""))); //$NON-NLS-1$
        } catch (RuntimeException e) {
            // an entry edited by hand into nonsense counts as one failure whose wait is over
            return Optional.of(new Attempt(1, "", "", Instant.EPOCH, "")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        }
    }

    private static void put(Map<String, String> entries, IssueKind kind, String target, Attempt attempt) {
        entries.put(key(kind, FAILURES, target), Integer.toString(attempt.failures()));
        entries.put(key(kind, KIND, target), attempt.failureKind());
        entries.put(key(kind, REASON, target), attempt.reason());
        entries.put(key(kind, NOT_BEFORE, target), attempt.notBefore().toString());
        entries.put(key(kind, MESSAGE, target), attempt.messageId());
    }

    private static String key(IssueKind kind, String field, String target) {
        return kind.label() + '|' + field + '|' + target;
    }
}
