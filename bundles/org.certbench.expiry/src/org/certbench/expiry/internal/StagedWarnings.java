package org.certbench.expiry.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.certbench.expiry.ExpiryKinds;
import org.certbench.expiry.ExpiryRow;
import org.certbench.expiry.RenewalCoverage;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;
import org.certbench.messages.SystemMessages;
import org.eclipse.osgi.util.NLS;

/**
 * The one staged-warning mechanism for every kind: per certificate, one message when it has expired and one per
 * threshold of its kind crossed — the most urgent one only when a check crosses several at once — each with a key
 * naming the certificate and the stage, so that {@link SystemMessages#post} never posts it twice, in this process or
 * another on the same home. A threshold longer than a third of the certificate's lifetime does not fire (a 90-day
 * certificate would otherwise warn at 90 days the day it is issued). Agents' pinned self-signed certificates are
 * summed up in one message naming only those newly in a stage ({@link ReportedSelfSigned}), with the total. A certificate a {@link RenewalCoverage} covers raises nothing.
 */
final class StagedWarnings {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final int NAMES_IN_SUMMARY = 10;
    static final int EXPIRED = -1;

    private final SystemMessages messages;
    private final Function<String, List<Integer>> thresholds;
    private final Collection<RenewalCoverage> coverages;
    /** The keys of the messages posted before, read at the start of each run. */
    private final Set<String> known = new HashSet<>();
    private final ReportedSelfSigned reported;

    StagedWarnings(SystemMessages messages, Function<String, List<Integer>> thresholds,
            Collection<RenewalCoverage> coverages, Path directory) {
        this.messages = messages;
        this.reported = new ReportedSelfSigned(directory);
        this.thresholds = thresholds;
        this.coverages = coverages;
    }

    /** @return how many new messages were posted; runs one at a time (the caller holds this object's monitor) */
    synchronized int run(List<Watched> watched, Instant now) {
        known.clear();
        for (SystemMessage message : messages.list()) {
            if (message.key() != null) {
                known.add(message.key());
            }
        }
        int posted = 0;
        // agent name, fingerprint and stage of each pinned self-signed certificate in a stage
        Map<String, String> selfSigned = new HashMap<>();
        Map<String, Integer> selfSignedStages = new HashMap<>();
        for (Watched item : watched) {
            ExpiryRow row = item.row();
            Integer stage = stage(row, thresholds.apply(row.kind()), now);
            if (stage == null || covered(row, now)) {
                continue;
            }
            if (item.pinnedSelfSigned()) {
                String line = row.id() + " " + row.certificate().sha256Fingerprint() + " " + stage; //$NON-NLS-1$ //$NON-NLS-2$
                selfSigned.put(line, row.name());
                selfSignedStages.put(line, stage);
                continue;
            }
            posted += post(row, stage, now);
        }
        if (!selfSigned.isEmpty()) {
            try {
                posted += reported.reportNew(selfSigned.keySet(), newly -> summary(newly,
                        newly.stream().map(selfSigned::get).toList(),
                        Math.max(newly.stream().mapToInt(selfSignedStages::get).max().orElse(0), 0),
                        selfSigned.size()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return posted;
    }

    /**
     * The stage a certificate is in at {@code now}: {@link #EXPIRED}, the smallest threshold (days) it has crossed
     * that may fire for its lifetime, or {@code null} for none.
     */
    static Integer stage(ExpiryRow row, List<Integer> thresholds, Instant now) {
        if (now.isAfter(row.notAfter())) {
            return EXPIRED;
        }
        long daysLeft = Duration.between(now, row.notAfter()).toDays();
        Duration lifetime = Duration.between(row.notBefore(), row.notAfter());
        Integer crossed = null;
        for (int threshold : thresholds) {
            boolean mayFire = Duration.ofDays(threshold).multipliedBy(3).compareTo(lifetime) <= 0;
            if (mayFire && daysLeft <= threshold && (crossed == null || threshold < crossed)) {
                crossed = threshold;
            }
        }
        return crossed;
    }

    private boolean covered(ExpiryRow row, Instant now) {
        for (RenewalCoverage coverage : coverages) {
            try {
                if (coverage.covers(row, now)) {
                    return true;
                }
            } catch (RuntimeException e) { // NOPMD a coverage that fails covers nothing: the warning is safer
                System.getLogger(StagedWarnings.class.getName()).log(System.Logger.Level.WARNING,
                        String.valueOf(e.getMessage()), e);
            }
        }
        return false;
    }

    private int post(ExpiryRow row, int stage, Instant now) {
        String fingerprint = row.certificate().sha256Fingerprint();
        String name = name(row);
        String day = DAY.format(row.notAfter());
        String todo = todo(row.kind());
        String text;
        String key;
        Severity severity;
        if (stage == EXPIRED) {
            severity = Severity.ERROR;
            key = keyPrefix(row) + "expired:" + ident(row); //$NON-NLS-1$
            text = NLS.bind(Messages.Expired, new Object[] { name, row.usedAt(), day, fingerprint, todo });
        } else {
            severity = Severity.WARNING;
            key = keyPrefix(row) + "expires:" + ident(row) + ":" + stage; //$NON-NLS-1$ //$NON-NLS-2$
            text = NLS.bind(Messages.ExpiresSoon,
                    new Object[] { name, row.usedAt(), day, left(Duration.between(now, row.notAfter())), fingerprint,
                            todo });
        }
        return post(severity, source(row.kind()), text, key);
    }

    /** One message naming the agents newly in a stage, with how many are in one in all. */
    private int summary(Collection<String> items, List<String> names, int withinDays, int total) {
        String key = "expiry.agent.selfsigned:" + sha256(String.join("\n", items.stream().sorted().toList())); //$NON-NLS-1$ //$NON-NLS-2$
        List<String> shown = names.stream().sorted().limit(NAMES_IN_SUMMARY).toList();
        String listed = String.join(", ", shown); //$NON-NLS-1$
        if (names.size() > shown.size()) {
            listed = NLS.bind(Messages.SelfSigned_more, listed, names.size() - shown.size());
        }
        String text = NLS.bind(Messages.SelfSigned_summary, new Object[] { names.size(), withinDays, listed, total });
        return post(Severity.WARNING, Messages.Source_agent, text, key);
    }

    private int post(Severity severity, String source, String text, String key) {
        if (!known.add(key)) {
            return 0;
        }
        messages.post(severity, source, text, key);
        return 1;
    }

    /** "in 12 days", "in 5 hours", never "in 0 days". */
    static String left(Duration left) {
        long days = left.toDays();
        if (days > 1) {
            return NLS.bind(Messages.Left_days, days);
        }
        if (days == 1) {
            return Messages.Left_day;
        }
        long hours = left.toHours();
        if (hours > 1) {
            return NLS.bind(Messages.Left_hours, hours);
        }
        return hours == 1 ? Messages.Left_hour : Messages.Left_minutes;
    }

    /** The CA keys stay those of the trust store's former check, so that an upgraded home repeats nothing. */
    private static String keyPrefix(ExpiryRow row) {
        return ExpiryKinds.CA.equals(row.kind()) ? "truststore." : "expiry." + row.kind() + "."; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
    }

    /** A renewed host or agent certificate is a new certificate: its warnings come again. */
    private static String ident(ExpiryRow row) {
        return ExpiryKinds.CA.equals(row.kind()) ? row.id() : row.id() + ":" + row.certificate().sha256Fingerprint(); //$NON-NLS-1$
    }

    private static String name(ExpiryRow row) {
        return switch (row.kind()) {
        case ExpiryKinds.CA -> NLS.bind(Messages.Name_ca, row.name());
        case ExpiryKinds.HOST -> NLS.bind(Messages.Name_host, row.name());
        case ExpiryKinds.AGENT -> NLS.bind(Messages.Name_agent, row.name());
        default -> NLS.bind(Messages.Name_other, row.name(), row.kind());
        };
    }

    private static String todo(String kind) {
        return switch (kind) {
        case ExpiryKinds.CA -> Messages.Todo_ca;
        case ExpiryKinds.HOST -> Messages.Todo_host;
        case ExpiryKinds.AGENT -> Messages.Todo_agent;
        default -> Messages.Todo_other;
        };
    }

    static String source(String kind) {
        return switch (kind) {
        case ExpiryKinds.CA -> Messages.Source_ca;
        case ExpiryKinds.HOST -> Messages.Source_host;
        case ExpiryKinds.AGENT -> Messages.Source_agent;
        default -> Messages.Source;
        };
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))); //$NON-NLS-1$
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
