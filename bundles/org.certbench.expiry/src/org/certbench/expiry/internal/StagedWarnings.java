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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certbench.core.TextBundle;
import org.certbench.expiry.ExpiryKinds;
import org.certbench.expiry.ExpiryRow;
import org.certbench.expiry.ExpiryWarning;
import org.certbench.expiry.RenewalCoverage;
import org.certbench.expiry.WarnedCertificate;
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
 * <p>
 * When more than {@link #SINGLE_AT_MOST} certificates of one kind (not CA) newly cross the same stage in one check
 * (10,000 agents issued together), one summary message names them instead of one message each; which were summed
 * up is kept in {@code <home>/expiry/summed-reported}, so that none of them is posted again on its own; which
 * certificates each summary names, in {@link SummaryMembers}.
 * <p>
 * The keys are this class's own, and only it reads them ({@link #describe}): {@code truststore.expires:CA-ID:DAYS}
 * and {@code truststore.expired:CA-ID} for CA certificates, {@code expiry.KIND.expires:ID:SHA256:DAYS} and
 * {@code expiry.KIND.expired:ID:SHA256} for the others, {@code expiry.KIND.summary:HASH} and
 * {@code expiry.agent.selfsigned:HASH} for summaries.
 */
final class StagedWarnings {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final int NAMES_IN_SUMMARY = 10;
    /** More new warnings of one kind and stage in one check than this are one summary. */
    static final int SINGLE_AT_MOST = 10;
    static final int EXPIRED = -1;
    private static final Pattern KEY = Pattern.compile(
            "(?:truststore|expiry\\.([a-z][a-z0-9-]{0,31}))\\.(?:(expires):(.+):(\\d+)|(expired):(.+)|(summary|selfsigned):([0-9a-f]{64}))"); //$NON-NLS-1$
    /** {@code ID:SHA256}, the fingerprint as 32 colon-separated hex pairs. */
    private static final Pattern FINGERPRINT = Pattern.compile("(.+):((?:[0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2})"); //$NON-NLS-1$

    private final SystemMessages messages;
    private final Function<String, List<Integer>> thresholds;
    private final Collection<RenewalCoverage> coverages;
    /** The keys of the messages posted before, read at the start of each run. */
    private final Set<String> known = new HashSet<>();
    private final ReportedSelfSigned reported;
    private final ReportedSelfSigned summed;
    private final SummaryMembers members;

    StagedWarnings(SystemMessages messages, Function<String, List<Integer>> thresholds,
            Collection<RenewalCoverage> coverages, Path directory) {
        this.messages = messages;
        this.reported = new ReportedSelfSigned(directory);
        this.summed = new ReportedSelfSigned(directory, "summed-reported"); //$NON-NLS-1$
        this.members = new SummaryMembers(directory);
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
        Map<String, ExpiryRow> selfSigned = new HashMap<>();
        Map<String, Integer> selfSignedStages = new HashMap<>();
        // the new warnings of kinds that come by the thousand, by key: posted one by one or summed up below
        Map<String, Pending> pending = new HashMap<>();
        for (Watched item : watched) {
            ExpiryRow row = item.row();
            Integer stage = stage(row, thresholds.apply(row.kind()), now);
            if (stage == null || covered(row, now)) {
                continue;
            }
            if (item.pinnedSelfSigned()) {
                String line = row.id() + " " + row.certificate().sha256Fingerprint() + " " + stage; //$NON-NLS-1$ //$NON-NLS-2$
                selfSigned.put(line, row);
                selfSignedStages.put(line, stage);
                continue;
            }
            String key = key(row, stage);
            if (ExpiryKinds.CA.equals(row.kind())) {
                posted += post(row, stage, now);
            } else if (!known.contains(key)) {
                pending.put(key, new Pending(row, stage));
            }
        }
        if (!pending.isEmpty()) {
            try {
                posted += summed.reportNew(pending.keySet(), newly -> postOrSum(newly, pending, now));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!selfSigned.isEmpty()) {
            try {
                posted += reported.reportNew(selfSigned.keySet(), newly -> summary(newly,
                        byName(newly.stream().map(selfSigned::get).toList()),
                        Math.max(newly.stream().mapToInt(selfSignedStages::get).max().orElse(0), 0),
                        selfSigned.size()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        members.retain(known);
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
        String todo = todo(row.kind(), row.id());
        String text;
        String key;
        Severity severity;
        if (stage == EXPIRED) {
            severity = Severity.ERROR;
            key = key(row, stage);
            text = NLS.bind(Messages.Expired, new Object[] { name, row.usedAt(), day, fingerprint, todo });
        } else {
            severity = Severity.WARNING;
            key = key(row, stage);
            text = NLS.bind(Messages.ExpiresSoon,
                    new Object[] { name, row.usedAt(), day, left(Duration.between(now, row.notAfter())), fingerprint,
                            todo });
        }
        return post(severity, source(row.kind()), text, key);
    }

    /** A warning due, not posted yet. */
    private record Pending(ExpiryRow row, int stage) {
    }

    /** Posts each group of one kind and stage message by message, or, above {@link #SINGLE_AT_MOST}, as one. */
    private int postOrSum(Set<String> newly, Map<String, Pending> pending, Instant now) {
        Map<String, List<String>> groups = new TreeMap<>();
        for (String key : newly) {
            Pending item = pending.get(key);
            groups.computeIfAbsent(item.row().kind() + " " + item.stage(), group -> new ArrayList<>()).add(key); //$NON-NLS-1$
        }
        int posted = 0;
        for (List<String> keys : groups.values()) {
            if (keys.size() <= SINGLE_AT_MOST) {
                for (String key : keys) {
                    posted += post(pending.get(key).row(), pending.get(key).stage(), now);
                }
            } else {
                Pending first = pending.get(keys.get(0));
                posted += sum(first.row().kind(), first.stage(),
                        byName(keys.stream().map(key -> pending.get(key).row()).toList()), keys);
            }
        }
        return posted;
    }

    /** One message for {@code rows}, all of {@code kind} in {@code stage}; its key covers exactly these warnings. */
    private int sum(String kind, int stage, List<ExpiryRow> rows, List<String> keys) {
        String key = "expiry." + kind + ".summary:" + sha256(String.join("\n", keys.stream().sorted().toList())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        if (known.contains(key)) {
            return 0;
        }
        noteMembers(key, stage == EXPIRED ? null : stage, rows);
        List<String> names = rows.stream().map(ExpiryRow::name).toList();
        List<String> shown = names.stream().sorted().limit(NAMES_IN_SUMMARY).toList();
        String listed = NLS.bind(Messages.SelfSigned_more, String.join(", ", shown), names.size() - shown.size()); //$NON-NLS-1$
        String text = summaryText(kind, stage, names.size(), listed);
        return post(stage == EXPIRED ? Severity.ERROR : Severity.WARNING, source(kind), text, key);
    }

    /** A mass crossing in words: "1 agent certificate expires today", "300 agent certificates expire within 7 days". */
    static String summaryText(String kind, int stage, int count, String listed) {
        // the counts twice: as text (no digit grouping) and as numbers for the pattern's choices of words
        return stage == EXPIRED
                ? TextBundle.fill(Messages.Summary_expired, new Object[] { String.valueOf(count), kindName(kind),
                        listed, todo(kind, null), kind, count })
                : TextBundle.fill(Messages.Summary_expires, new Object[] { String.valueOf(count), kindName(kind),
                        String.valueOf(stage), listed, todo(kind, null), kind, count, stage });
    }

    /** The self-signed agents newly in a stage in words: "of 1 agent has expired or expires today". */
    static String selfSignedText(int count, int withinDays, String listed, int total) {
        return TextBundle.fill(Messages.SelfSigned_summary, new Object[] { String.valueOf(count),
                String.valueOf(withinDays), listed, String.valueOf(total), count, withinDays, total,
                Messages.Todo_selfSigned });
    }

    private static String kindName(String kind) {
        return switch (kind) {
        case ExpiryKinds.HOST -> Messages.Kind_host;
        case ExpiryKinds.AGENT -> Messages.Kind_agent;
        default -> NLS.bind(Messages.Kind_other, kind);
        };
    }

    /** One message naming the agents newly in a stage, with how many are in one in all. */
    private int summary(Collection<String> items, List<ExpiryRow> rows, int withinDays, int total) {
        String key = "expiry.agent.selfsigned:" + sha256(String.join("\n", items.stream().sorted().toList())); //$NON-NLS-1$ //$NON-NLS-2$
        if (known.contains(key)) {
            return 0;
        }
        noteMembers(key, withinDays, rows);
        List<String> names = rows.stream().map(ExpiryRow::name).toList();
        List<String> shown = names.stream().sorted().limit(NAMES_IN_SUMMARY).toList();
        String listed = String.join(", ", shown); //$NON-NLS-1$
        if (names.size() > shown.size()) {
            listed = NLS.bind(Messages.SelfSigned_more, listed, names.size() - shown.size());
        }
        String text = selfSignedText(names.size(), withinDays, listed, total);
        return post(Severity.WARNING, Messages.Source_agent, text, key);
    }

    /** The rows as a summary lists them: by name, then id. */
    private static List<ExpiryRow> byName(List<ExpiryRow> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing(ExpiryRow::name).thenComparing(ExpiryRow::id))
                .toList();
    }

    /** Before the summary is posted, so that whoever passes it on finds whom it names. */
    private void noteMembers(String key, Integer withinDays, List<ExpiryRow> rows) {
        try {
            members.write(key, withinDays, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What each of {@code keys} is about (see {@link org.certbench.expiry.ExpiryOverview#warnings}): keys that are
     * none of this class's are left out; {@code rows} is the overview now, where a certificate's row is looked up.
     */
    Map<String, ExpiryWarning> describe(Collection<String> keys, List<ExpiryRow> rows) {
        Map<String, ExpiryRow> byKeyIdent = new HashMap<>();
        for (ExpiryRow row : rows) {
            byKeyIdent.put(row.kind() + ' ' + ident(row), row);
        }
        Map<String, ExpiryWarning> described = new LinkedHashMap<>();
        for (String key : keys) {
            Matcher matcher = key == null ? null : KEY.matcher(key);
            if (matcher == null || !matcher.matches() || described.containsKey(key)) {
                continue;
            }
            String kind = matcher.group(1) == null ? ExpiryKinds.CA : matcher.group(1);
            if (matcher.group(2) != null || matcher.group(5) != null) {
                boolean expired = matcher.group(5) != null;
                String ident = expired ? matcher.group(6) : matcher.group(3);
                WarnedCertificate certificate = certificate(kind, ident, byKeyIdent.get(kind + ' ' + ident));
                described.put(key, new ExpiryWarning(key, expired ? ExpiryWarning.EXPIRED : ExpiryWarning.EXPIRES,
                        kind, expired ? null : Integer.valueOf(matcher.group(4)), List.of(certificate),
                        todo(kind, certificate.id()), command(kind)));
            } else if (ExpiryKinds.CA.equals(kind)) {
                continue; // CA certificates are never summed up
            } else {
                boolean selfSigned = "selfsigned".equals(matcher.group(7)); //$NON-NLS-1$
                SummaryMembers.Named named = members.read(key, kind);
                described.put(key, new ExpiryWarning(key, selfSigned ? ExpiryWarning.SELF_SIGNED : ExpiryWarning.SUMMARY,
                        kind, named.withinDays(), named.certificates(),
                        selfSigned ? Messages.Todo_selfSigned : todo(kind, null), command(kind)));
            }
        }
        return java.util.Collections.unmodifiableMap(described);
    }

    /** Whether any of {@code keys} is the warning of one certificate, whose row {@link #describe} looks up. */
    static boolean anyNamesOne(Collection<String> keys) {
        for (String key : keys) {
            Matcher matcher = KEY.matcher(key);
            if (matcher.matches() && matcher.group(7) == null) {
                return true;
            }
        }
        return false;
    }

    /** The certificate a key names: its row when the overview still holds it, else what the key itself says. */
    private static WarnedCertificate certificate(String kind, String ident, ExpiryRow row) {
        if (row != null) {
            return new WarnedCertificate(kind, row.id(), row.name(), row.certificate().sha256Fingerprint(),
                    row.notAfter(), row);
        }
        Matcher fingerprint = FINGERPRINT.matcher(ident);
        if (!ExpiryKinds.CA.equals(kind) && fingerprint.matches()) {
            return new WarnedCertificate(kind, fingerprint.group(1), null, fingerprint.group(2), null, null);
        }
        return new WarnedCertificate(kind, ident, null, null, null, null);
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
        // choice patterns ("in 1 day", "in less than an hour"), which NLS.bind does not read
        return days > 0 ? TextBundle.fill(Messages.Left_days, days)
                : TextBundle.fill(Messages.Left_hours, left.toHours());
    }

    /** The key of the message of {@code row} in {@code stage}. */
    private static String key(ExpiryRow row, int stage) {
        return stage == EXPIRED ? keyPrefix(row) + "expired:" + ident(row) //$NON-NLS-1$
                : keyPrefix(row) + "expires:" + ident(row) + ":" + stage; //$NON-NLS-1$ //$NON-NLS-2$
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

    /**
     * What to do, in words with the shell commands: the one text of it, which the message ends with and notifications
     * pass on. {@code id} names the certificate in the commands; {@code null} (a summary) shows {@code NAME}.
     */
    private static String todo(String kind, String id) {
        String shown = id == null ? "NAME" : id; //$NON-NLS-1$
        return switch (kind) {
        case ExpiryKinds.CA -> Messages.Todo_ca;
        case ExpiryKinds.HOST -> NLS.bind(Messages.Todo_host, shown);
        case ExpiryKinds.AGENT -> NLS.bind(Messages.Todo_agent, shown);
        default -> Messages.Todo_other;
        };
    }

    /** The shell command listing every certificate of the kind with its days left. */
    private static String command(String kind) {
        return "expiry:list --kind " + kind; //$NON-NLS-1$
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
