package org.certbench.renewal.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.certbench.core.FileStamp;
import org.certbench.core.HomeLock;
import org.certbench.core.LinkSafeDirectory;
import org.eclipse.osgi.util.NLS;

/**
 * One properties file of {@code <home>/renewal/} that this process and others (a {@code certbench-shell} beside the
 * workbench, a timer's {@code renewal:run}) change: read again when its stamp says another process wrote it, changed
 * only under the renewal lock after reading it again there, written atomically; read and written through
 * {@link LinkSafeDirectory}, so a link put in place of {@code renewal/} or of the file is refused, never followed.
 */
final class SettingsFile {

    /** Far more than any sane policy or 10,000 agents' attempts; a bigger file is refused, not read. */
    static final long MAX_SIZE = 16L * 1024 * 1024;

    private final Path file;
    private final HomeLock lock;
    private Map<String, String> content = Map.of();
    private FileStamp known = FileStamp.UNSURE;
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();

    SettingsFile(Path file, HomeLock lock) {
        this.file = file.toAbsolutePath().normalize();
        this.lock = lock;
    }

    Path path() {
        return file;
    }

    /** {@return how many times this object wrote the file}, for tests that a batch writes it once */
    long writes() {
        return writes.get();
    }

    /**
     * {@return the file's entries as last written by any process}
     *
     * @throws IOException if the file exists but cannot be read
     */
    synchronized Map<String, String> read() throws IOException {
        FileStamp now = FileStamp.of(file);
        if (!now.equals(known)) {
            content = load();
            known = now.trustedAt(Instant.now());
        }
        return content;
    }

    /**
     * Changes the entries under the home's lock, on what the file holds then, and writes them.
     *
     * @throws IOException if it cannot be read or written
     */
    void change(Consumer<Map<String, String>> change) throws IOException {
        // the home's lock first, this object's monitor inside it: a shell holding the lock must not block readers
        lock.call(() -> {
            synchronized (this) {
                Map<String, String> changed = new TreeMap<>(load());
                change.accept(changed);
                try (LinkSafeDirectory directory = LinkSafeDirectory.open(file.getParent())) {
                    directory.write(file.getFileName().toString(), serialize(changed), null, null, true);
                }
                writes.incrementAndGet();
                content = Map.copyOf(changed);
                known = FileStamp.of(file).trustedAt(Instant.now());
            }
            return null;
        });
    }

    /** Read through the opened directory: neither {@code renewal/} nor the file is followed if it is a link. */
    private Map<String, String> load() throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(file.getParent())) {
            return Map.of();
        }
        byte[] content;
        try (LinkSafeDirectory directory = LinkSafeDirectory.open(file.getParent())) {
            content = directory.read(file.getFileName().toString(), (int) MAX_SIZE);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (InputStream in = new ByteArrayInputStream(content)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(NLS.bind(Messages.Settings_malformed, file, e.getMessage()), e);
        }
        Map<String, String> entries = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> entries.put(key, properties.getProperty(key)));
        return Map.copyOf(entries);
    }

    private static byte[] serialize(Map<String, String> entries) throws IOException {
        StringBuilder text = new StringBuilder("# CertBench renewal settings; written by CertBench\n"); //$NON-NLS-1$
        Properties one = new Properties();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            one.clear();
            one.setProperty(entry.getKey(), entry.getValue());
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try (java.io.Writer writer = new java.io.OutputStreamWriter(line, StandardCharsets.UTF_8)) {
                one.store(writer, null);
            }
            // Properties.store writes a date comment first: keep only the entry, so equal settings give equal files
            String written = line.toString(StandardCharsets.UTF_8);
            text.append(written.substring(written.indexOf('\n') + 1));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
