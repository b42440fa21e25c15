package org.certbench.notify.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.certbench.expiry.ExpiryRow;
import org.certbench.expiry.ExpiryWarning;
import org.certbench.expiry.WarnedCertificate;

/**
 * What an expiry warning is about, as the digest keeps it: read from the expiry overview
 * ({@link org.certbench.expiry.ExpiryOverview#warnings}, "the certificates of this warning") when the digest is gathered and kept in the
 * outbox with it, since the digest may be sent hours later by another process, when the certificate may already be
 * renewed. One certificate's warning keeps {@code event} and {@code certificate}; a summary keeps {@code event} and
 * {@code summary}, its certificates bounded to {@link #LISTED} with the count of the others.
 */
final class WarningFacts {

    /** The certificates of one summary that a mail and a POST list; the others are counted. */
    static final int LISTED = 100;
    private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

    private WarningFacts() {
    }

    /**
     * The items, those of expiry warnings with their facts; {@code lookup} is asked once, for every key, and only if
     * there is a key at all.
     */
    static List<Digest.Item> added(List<Digest.Item> items, Function<List<String>, Map<String, ExpiryWarning>> lookup,
            Instant now) {
        List<String> keys = items.stream().map(Digest.Item::key).filter(Objects::nonNull).distinct().toList();
        if (keys.isEmpty()) {
            return items;
        }
        Map<String, ExpiryWarning> warnings = lookup.apply(keys);
        if (warnings.isEmpty()) {
            return items;
        }
        List<Digest.Item> added = new ArrayList<>(items.size());
        for (Digest.Item item : items) {
            ExpiryWarning warning = item.key() == null ? null : warnings.get(item.key());
            added.add(warning == null ? item : item.withWarning(of(warning, now)));
        }
        return added;
    }

    /** The facts of one warning at {@code now} (days left are counted from it). */
    static Map<String, Object> of(ExpiryWarning warning, Instant now) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("event", warning.event()); //$NON-NLS-1$
        boolean one = ExpiryWarning.EXPIRES.equals(warning.event()) || ExpiryWarning.EXPIRED.equals(warning.event());
        if (one && !warning.certificates().isEmpty()) {
            Map<String, Object> certificate = certificate(warning.certificates().get(0), now);
            certificate.put("kind", warning.kind()); //$NON-NLS-1$
            if (warning.withinDays() != null) {
                certificate.put("within_days", warning.withinDays()); //$NON-NLS-1$
            }
            certificate.put("action", warning.action()); //$NON-NLS-1$
            certificate.put("command", warning.command()); //$NON-NLS-1$
            facts.put("certificate", ordered(certificate)); //$NON-NLS-1$
            return facts;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kind", warning.kind()); //$NON-NLS-1$
        summary.put("within_days", warning.withinDays()); //$NON-NLS-1$
        summary.put("count", warning.certificates().size()); //$NON-NLS-1$
        summary.put("omitted", Math.max(0, warning.certificates().size() - LISTED)); //$NON-NLS-1$
        List<Object> listed = new ArrayList<>();
        for (WarnedCertificate certificate : warning.certificates().subList(0,
                Math.min(LISTED, warning.certificates().size()))) {
            listed.add(certificate(certificate, now));
        }
        summary.put("certificates", listed); //$NON-NLS-1$
        summary.put("action", warning.action()); //$NON-NLS-1$
        summary.put("command", warning.command()); //$NON-NLS-1$
        facts.put("summary", summary); //$NON-NLS-1$
        return facts;
    }

    /** Id, name, fingerprint, expiry and days left, and the row's subject and use when the overview holds it. */
    private static Map<String, Object> certificate(WarnedCertificate certificate, Instant now) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("id", certificate.id()); //$NON-NLS-1$
        putIfKnown(facts, "name", certificate.name()); //$NON-NLS-1$
        ExpiryRow row = certificate.row();
        if (row != null) {
            facts.put("subject", row.subject()); //$NON-NLS-1$
        }
        putIfKnown(facts, "sha256", certificate.sha256()); //$NON-NLS-1$
        if (row != null) {
            facts.put("used_at", row.usedAt()); //$NON-NLS-1$
        }
        if (certificate.notAfter() != null) {
            facts.put("not_after", certificate.notAfter().toString()); //$NON-NLS-1$
            facts.put("days_left", Math.floorDiv(Duration.between(now, certificate.notAfter()).toSeconds(), //$NON-NLS-1$
                    SECONDS_PER_DAY));
        }
        return facts;
    }

    /** The order the README shows: kind first. */
    private static Map<String, Object> ordered(Map<String, Object> certificate) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("kind", certificate.remove("kind")); //$NON-NLS-1$ //$NON-NLS-2$
        ordered.putAll(certificate);
        return ordered;
    }

    private static void putIfKnown(Map<String, Object> facts, String name, Object value) {
        if (value != null) {
            facts.put(name, value);
        }
    }

    /** The event of an item: its warning's, or {@code system.message}. */
    static String event(Digest.Item item) {
        return item.warning() == null ? "system.message" : String.valueOf(item.warning().get("event")); //$NON-NLS-1$ //$NON-NLS-2$
    }

    /** The facts of the one certificate of an item, or {@code null}. */
    static Map<?, ?> certificate(Digest.Item item) {
        return item.warning() != null && item.warning().get("certificate") instanceof Map<?, ?> map ? map : null; //$NON-NLS-1$
    }

    /** The summary of an item, or {@code null}. */
    static Map<?, ?> summary(Digest.Item item) {
        return item.warning() != null && item.warning().get("summary") instanceof Map<?, ?> map ? map : null; //$NON-NLS-1$
    }
}
