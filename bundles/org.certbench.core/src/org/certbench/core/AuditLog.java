package org.certbench.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The audit log of every change to trust and certificates: one JSON object per line, one file per month
 * ({@code audit/2026-12.jsonl}, by the entry's UTC time), in the console's home and in each agent's state
 * directory. Only ever appended to: each entry is one {@code write} to a file opened {@code O_APPEND} without
 * following a link, flushed to disk before the change is reported, so the workbench and a shell appending at once
 * interleave whole lines, and a crash loses at most the entry being written. The reader keeps every intact entry
 * and says in words which lines it skipped.
 */
public final class AuditLog {

    /** The directory's name in the home and in an agent's state directory. */
    public static final String DIRECTORY = "audit"; //$NON-NLS-1$
    /** Longer texts (a message naming many files) are cut, so that one entry stays one small write. */
    static final int MAX_FIELD = 2_000;
    /** A longer line was not written by this class; it is skipped as damaged rather than held in memory. */
    static final int MAX_LINE = 64 * 1024;

    private static final TextBundle TEXTS = new TextBundle("org.certbench.core.messages", //$NON-NLS-1$
            AuditLog.class.getClassLoader());
    private static final System.Logger LOG = System.getLogger(AuditLog.class.getName());
    private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------"); //$NON-NLS-1$
    private static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS = PosixFilePermissions.fromString("rwx------"); //$NON-NLS-1$
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC); //$NON-NLS-1$
    private static final Pattern FILE_NAME = Pattern.compile("\\d{4}-\\d{2}\\.jsonl"); //$NON-NLS-1$
    private static final String SUFFIX = ".jsonl"; //$NON-NLS-1$

    /**
     * Who hears, besides the log, of entries that could not be written (the system messages, installed by their
     * bundle: this bundle depends on no other).
     */
    private static final List<Consumer<NotWritten>> FAILURE_LISTENERS = new CopyOnWriteArrayList<>();

    /** Entries that could not be written to {@code directory}, and why. */
    public record NotWritten(Path directory, String action, String object, int entries, String reason) {
    }

    private final Path directory;
    private final UserPrincipal owner;
    private final Clock clock;

    /**
     * A log writing into this directory.
     * @param directory the {@code audit} directory (created 0700 on the first entry)
     * @param owner     who its files must belong to ({@code null}: the user running this; root writing into a
     *                  service user's agent state gives that user)
     */
    public AuditLog(Path directory, UserPrincipal owner, Clock clock) {
        this.directory = directory.toAbsolutePath();
        this.owner = owner;
        this.clock = clock;
    }

    /** The console's log: {@code audit/} in the home. */
    public static AuditLog ofHome() {
        return new AuditLog(StateDirectory.area(DIRECTORY), null, Clock.systemUTC());
    }

    /** {@return the {@code audit} directory this log writes into} */
    public Path directory() {
        return directory;
    }

    /** The OS user running this process: the "who" of every change made through the console or the agent's CLI. */
    public static String currentUser() {
        return System.getProperty("user.name"); //$NON-NLS-1$
    }

    /**
     * Records a change the user running this made and that succeeded.
     *
     * @return whether the entry was written; if not, the reason is logged (the change itself stands)
     */
    public boolean succeeded(String action, String object, String before, String after) {
        return record(currentUser(), action, object, before, after, null);
    }

    /** Records a change the user running this tried and that failed with {@code message}. */
    public boolean failed(String action, String object, String before, String message) {
        return record(currentUser(), action, object, before, null, message == null ? "" : message); //$NON-NLS-1$
    }

    /**
     * Records a change by {@code who}: succeeded when {@code failure} is {@code null}, else failed with it.
     *
     * @return whether the entry was written; if not, the reason is logged (the change itself stands)
     */
    public boolean record(String who, String action, String object, String before, String after, String failure) {
        return recordAll(List.of(entry(who, action, object, before, after, failure)));
    }

    /**
     * Appends {@code entries} (of one batch, see {@link #appendAll}); if they cannot be written the reason is logged
     * and the failure listeners are told (the changes themselves stand).
     *
     * @return whether the entries were written
     */
    public boolean recordAll(List<AuditEntry> entries) {
        try {
            appendAll(entries);
            return true;
        } catch (IOException | RuntimeException e) {
            AuditEntry first = entries.get(0);
            String reason = String.valueOf(e.getMessage());
            LOG.log(System.Logger.Level.WARNING, TEXTS.format("auditNotWritten", first.action(), //$NON-NLS-1$
                    entries.size() == 1 ? first.object() : TEXTS.format("auditEntries", entries.size()), directory, //$NON-NLS-1$
                    reason), e);
            NotWritten failure = new NotWritten(directory, first.action(), first.object(), entries.size(), reason);
            for (Consumer<NotWritten> listener : FAILURE_LISTENERS) {
                try {
                    listener.accept(failure);
                } catch (RuntimeException listenerFailure) {
                    LOG.log(System.Logger.Level.WARNING, String.valueOf(listenerFailure.getMessage()), listenerFailure);
                }
            }
            return false;
        }
    }

    /** {@code listener} is told, on the thread of the change, of every entry of this process not written. */
    public static void addFailureListener(Consumer<NotWritten> listener) {
        FAILURE_LISTENERS.add(listener);
    }

    /** Stops notifying a listener added with {@code addFailureListener}; an unknown one is ignored. Thread-safe. */
    public static void removeFailureListener(Consumer<NotWritten> listener) {
        FAILURE_LISTENERS.remove(listener);
    }

    /** An entry made now by {@code who}: succeeded when {@code failure} is {@code null}, else failed with it. */
    public AuditEntry entry(String who, String action, String object, String before, String after, String failure) {
        return new AuditEntry(clock.instant(), cut(who), action, cut(object), before, after, failure == null,
                cut(failure));
    }

    /** Appends {@code entry} to its month's file, flushed to disk when this returns. */
    public void append(AuditEntry entry) throws IOException {
        appendAll(List.of(entry));
    }

    /**
     * Appends {@code entries} (of one batch: a change to many agents), each month's in one write and one flush, so a
     * batch of a thousand costs one flush rather than a thousand; flushed to disk when this returns.
     */
    public void appendAll(List<AuditEntry> entries) throws IOException {
        java.util.Map<String, StringBuilder> byMonth = new java.util.TreeMap<>();
        for (AuditEntry entry : entries) {
            byMonth.computeIfAbsent(MONTH.format(entry.time()) + SUFFIX, month -> new StringBuilder())
                    .append(JsonWriter.write(entry.toJson())).append('\n');
        }
        if (byMonth.isEmpty()) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
            try (LinkSafeDirectory above = LinkSafeDirectory.open(parent)) {
                above.createDirectoryIfAbsent(directory.getFileName().toString(), DIRECTORY_PERMISSIONS, owner);
            }
        }
        try (LinkSafeDirectory files = LinkSafeDirectory.open(directory)) {
            for (var month : byMonth.entrySet()) {
                files.appendLine(month.getKey(), month.getValue().toString().getBytes(StandardCharsets.UTF_8),
                        FILE_PERMISSIONS, owner);
            }
        }
    }

    /**
     * The entries from {@code since} (a UTC day; {@code null}: all), oldest first, and what could not be read.
     *
     * @throws IOException in words when the directory or a file cannot be opened
     */
    public AuditRecords read(LocalDate since) throws IOException {
        List<AuditEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return new AuditRecords(entries, problems);
        }
        Instant from = since == null ? Instant.MIN : since.atStartOfDay(ZoneOffset.UTC).toInstant();
        String firstFile = since == null ? "" : MONTH.format(from) + SUFFIX; //$NON-NLS-1$
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory)) {
            for (Path file : listing) {
                String name = file.getFileName().toString();
                if (FILE_NAME.matcher(name).matches() && name.compareTo(firstFile) >= 0) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        try (LinkSafeDirectory files = LinkSafeDirectory.open(directory)) {
            for (String name : names) {
                readFile(files, name, from, entries, problems);
            }
        }
        return new AuditRecords(entries, problems);
    }

    /**
     * A day given as {@code --since}: {@code 2026-12-01}.
     *
     * @throws IllegalArgumentException in words for anything else
     */
    public static LocalDate parseSince(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(TEXTS.format("sinceNotADate", text), e); //$NON-NLS-1$
        }
    }

    private static void readFile(LinkSafeDirectory files, String name, Instant from, List<AuditEntry> entries,
            List<String> problems) throws IOException {
        Path file = files.path().resolve(name);
        try (InputStream in = new java.io.BufferedInputStream(Channels.newInputStream(files.openForReading(name)))) {
            int number = 0;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean tooLong = false;
            int next;
            while (true) {
                next = in.read();
                if (next == '\n' || next < 0) {
                    boolean cut = next < 0;
                    if (cut && line.size() == 0 && !tooLong) {
                        return;
                    }
                    number++;
                    String problem = tooLong ? TEXTS.format("auditLineTooLong", MAX_LINE) //$NON-NLS-1$
                            : line.size() == 0 ? null : parse(line, from, entries);
                    if (problem != null) {
                        problems.add(cut ? TEXTS.format("auditLastLineCut", file, number, problem) //$NON-NLS-1$
                                : TEXTS.format("auditLineDamaged", file, number, problem)); //$NON-NLS-1$
                    }
                    if (cut) {
                        return;
                    }
                    line.reset();
                    tooLong = false;
                } else if (line.size() < MAX_LINE) {
                    line.write(next);
                } else {
                    tooLong = true;
                }
            }
        } catch (NoSuchFileException e) {
            // removed since the listing (an administrator archiving old months): nothing to read
        }
    }

    /** Adds the entry on {@code line} if it is from {@code from} on; returns what is wrong with it, or null. */
    private static String parse(ByteArrayOutputStream line, Instant from, List<AuditEntry> entries) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(line.toByteArray())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return TEXTS.format("auditNotUtf8"); //$NON-NLS-1$
        }
        try {
            AuditEntry entry = AuditEntry.fromJson(JsonReader.parse(text));
            if (!entry.time().isBefore(from)) {
                entries.add(entry);
            }
            return null;
        } catch (JsonSyntaxException e) {
            return e.getMessage();
        } catch (IllegalArgumentException e) {
            return TEXTS.format("auditMemberMissing", e.getMessage()); //$NON-NLS-1$
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_FIELD ? text : text.substring(0, MAX_FIELD) + '…';
    }
}
