package org.certbench.expiry.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.certbench.core.AtomicFiles;
import org.certbench.core.FailureLog;
import org.certbench.core.FileStamp;
import org.certbench.core.HomeLock;
import org.certbench.expiry.ExpiryException;
import org.certbench.expiry.ExpiryKinds;
import org.eclipse.osgi.util.NLS;

/**
 * The warning thresholds per kind, in {@code <home>/expiry/thresholds.properties} ({@code KIND=90,30,7,1}), changed
 * under the home's lock {@code expiry/thresholds.lock} and read again whenever its stamp says another process
 * changed it. Kinds not in the file have their defaults; for CA certificates that is what
 * {@code truststore.properties} sets as {@code expiry.warning.days}, where the trust store's check kept it before.
 * Thread-safe.
 */
final class Thresholds {

    static final List<Integer> CA_DEFAULT = List.of(90, 30, 7, 1);
    static final List<Integer> OTHER_DEFAULT = List.of(30, 7, 1);
    static final int MAX_DAYS = 3650;

    private static final System.Logger LOG = System.getLogger(Thresholds.class.getName());

    private final Path file;
    private final HomeLock lock;
    private final List<Integer> caDefault;
    private final FailureLog failures = new FailureLog(LOG);
    private Map<String, List<Integer>> set = Map.of();
    private FileStamp stamp = FileStamp.UNSURE;

    /** @param legacyCaDays {@code expiry.warning.days} of {@code truststore.properties}, or {@code null} */
    Thresholds(Path directory, String legacyCaDays) {
        this.file = directory.resolve("thresholds.properties"); //$NON-NLS-1$
        this.lock = new HomeLock(directory.resolve("thresholds.lock")); //$NON-NLS-1$
        List<Integer> legacy = legacyCaDays == null ? null : parse(legacyCaDays);
        this.caDefault = legacy == null || legacy.isEmpty() ? CA_DEFAULT : legacy;
    }

    Path file() {
        return file;
    }

    /** The thresholds of {@code kind}, largest first. */
    synchronized List<Integer> of(String kind) {
        if (!ExpiryKinds.isValid(kind)) {
            throw new IllegalArgumentException(NLS.bind(Messages.Thresholds_badKind, kind));
        }
        refresh();
        List<Integer> days = set.get(kind);
        return days != null ? days : ExpiryKinds.CA.equals(kind) ? caDefault : OTHER_DEFAULT;
    }

    /** Whether another process changed the file since this one last read or wrote it (then it is read again). */
    synchronized boolean refresh() {
        try {
            FileStamp now = FileStamp.of(file);
            if (now.equals(stamp)) {
                return false;
            }
            Map<String, List<Integer>> read = read();
            boolean changed = !read.equals(set);
            set = read;
            stamp = now.trustedAt(Instant.now());
            failures.succeeded(() -> file + " is read again"); //$NON-NLS-1$
            return changed;
        } catch (IOException e) {
            failures.failed(NLS.bind(Messages.Thresholds_unreadable, file, e.getMessage()), e);
            return false;
        }
    }

    /** Stores the thresholds of {@code kind}; an empty list removes them (the defaults apply again). */
    synchronized void set(String kind, List<Integer> days) throws ExpiryException {
        if (!ExpiryKinds.isValid(kind)) {
            throw new ExpiryException(NLS.bind(Messages.Thresholds_badKind, kind));
        }
        for (Integer day : days) {
            if (day == null || day < 0 || day > MAX_DAYS) {
                throw new ExpiryException(NLS.bind(Messages.Thresholds_badDays, day));
            }
        }
        List<Integer> sorted = days.stream().distinct().sorted(Comparator.reverseOrder()).toList();
        try {
            Files.createDirectories(file.getParent());
            lock.call(() -> {
                Map<String, List<Integer>> changed = new TreeMap<>(read());
                if (sorted.isEmpty()) {
                    changed.remove(kind);
                } else {
                    changed.put(kind, sorted);
                }
                write(changed);
                set = Map.copyOf(changed);
                stamp = FileStamp.of(file).trustedAt(Instant.now());
                return null;
            });
        } catch (IOException e) {
            throw new ExpiryException(NLS.bind(Messages.Thresholds_cannotWrite, file, e.getMessage()), e);
        }
    }

    private Map<String, List<Integer>> read() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        Map<String, List<Integer>> read = new HashMap<>();
        for (String kind : properties.stringPropertyNames()) {
            List<Integer> days = parse(properties.getProperty(kind));
            if (days == null || !ExpiryKinds.isValid(kind)) {
                // one bad line costs its kind's own thresholds, not every kind's: that one keeps its defaults
                failures.failed(NLS.bind(Messages.Thresholds_unreadable, file,
                        kind + "=" + properties.getProperty(kind)), null); //$NON-NLS-1$
                continue;
            }
            read.put(kind, days);
        }
        return Map.copyOf(read);
    }

    private void write(Map<String, List<Integer>> thresholds) throws IOException {
        Properties properties = new Properties();
        thresholds.forEach((kind, days) -> properties.setProperty(kind,
                String.join(",", days.stream().map(String::valueOf).toList()))); //$NON-NLS-1$
        StringWriter text = new StringWriter();
        properties.store(text, "CertBench expiry warning thresholds in days, per kind (expiry:thresholds)"); //$NON-NLS-1$
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Comma-separated whole days, or {@code null} when it is not that. */
    static List<Integer> parse(String value) {
        try {
            List<Integer> days = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()) //$NON-NLS-1$
                    .map(Integer::valueOf).distinct().sorted(Comparator.reverseOrder()).toList();
            return days.stream().allMatch(day -> day >= 0 && day <= MAX_DAYS) ? days : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
