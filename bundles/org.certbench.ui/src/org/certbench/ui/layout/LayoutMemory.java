package org.certbench.ui.layout;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.certbench.core.AtomicFiles;
import org.certbench.core.PropertiesFiles;
import org.certbench.core.StateDirectory;

/**
 * The layout of the workbench as the administrator left it: window bounds, the selected views, the tables' column
 * widths and sort, as text values under keys its users choose. Read once from {@code <home>/layout.properties} and
 * written back when the workbench closes. The file is the administrator's and may hold anything: a file that cannot
 * be read, or is larger than a settings file may be, is ignored as a whole, and each user checks its own values (a
 * layout is a convenience; it never stops the start).
 * <p>
 * The workbench's memory ({@link #shared()}) is read on a thread of its own, started as early in the start as the
 * workbench can (the UI thread has other work until the window needs the layout); the first {@link #get} or
 * {@link #put} waits for that read, at most {@value #READ_WAIT_SECONDS} seconds (a file on a hung network disk gives
 * the defaults, and is then not overwritten). Safe to use from any thread; {@link #save} is meant for a thread other
 * than the UI's.
 */
public final class LayoutMemory {

    /** The file's name in the home. */
    public static final String FILE_NAME = "layout.properties"; //$NON-NLS-1$

    /** How long the first use waits for the background read of the file before it goes on with the defaults. */
    static final int READ_WAIT_SECONDS = 5;

    private static LayoutMemory shared;

    private final Path file;
    /** Guarded by itself. */
    private final Map<String, String> values = new TreeMap<>();
    /** The read under way, until its end has been waited for; guarded by {@link #values}. */
    private CompletableFuture<Map<String, String>> reading;
    /** The file was not read (it took too long): what it holds is kept rather than replaced by the defaults. */
    private volatile boolean unread;

    /**
     * The memory of the file {@code file}, read now.
     *
     * @param file where the layout is read from and written to
     */
    public LayoutMemory(Path file) {
        this.file = file;
        reload();
    }

    private LayoutMemory(Path file, CompletableFuture<Map<String, String>> reading) {
        this.file = file;
        this.reading = reading;
    }

    /**
     * {@return the memory of the workbench: {@value #FILE_NAME} in CertBench's home, its reading started on a thread
     * of its own at the first call}
     */
    public static synchronized LayoutMemory shared() {
        if (shared == null) {
            Path file = StateDirectory.root().resolve(FILE_NAME);
            CompletableFuture<Map<String, String>> reading = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    reading.complete(read(file));
                } catch (Throwable e) { // an Error: the first use goes on with the defaults at once
                    reading.completeExceptionally(e);
                }
            }, "CertBench layout reader"); //$NON-NLS-1$
            reader.setDaemon(true);
            reader.start();
            shared = new LayoutMemory(file, reading);
        }
        return shared;
    }

    /** {@return the file read and written} */
    public Path file() {
        return file;
    }

    /** Forgets what is held and reads the file again, as at a start; a missing or unreadable file leaves nothing. */
    public void reload() {
        Map<String, String> read = read(file);
        synchronized (values) {
            reading = null;
            unread = false;
            values.clear();
            values.putAll(read);
        }
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> read = new TreeMap<>();
        try {
            Properties properties = PropertiesFiles.load(file, PropertiesFiles.SETTINGS_LIMIT);
            properties.stringPropertyNames().forEach(key -> read.put(key, properties.getProperty(key)));
        } catch (NoSuchFileException e) {
            // the first start: the defaults of each view
        } catch (IOException | RuntimeException e) {
            // a layout is a convenience: with a broken file the workbench starts with its defaults
        }
        return read;
    }

    /** Waits for the background read, if one is under way, and takes what it read; call holding {@link #values}. */
    private void awaitRead() {
        if (reading == null) {
            return;
        }
        try {
            values.putAll(reading.get(READ_WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            unread = true;
        } catch (ExecutionException e) {
            // read() catches what a file can throw: nothing to take
        } catch (InterruptedException e) {
            unread = true;
            Thread.currentThread().interrupt();
        }
        reading = null;
    }

    /**
     * {@return the value kept under {@code key}, if any}
     *
     * @param key the key
     */
    public Optional<String> get(String key) {
        synchronized (values) {
            awaitRead();
            return Optional.ofNullable(values.get(key));
        }
    }

    /**
     * Keeps {@code value} under {@code key} until {@link #save}.
     *
     * @param key   the key
     * @param value the value, or {@code null} to forget the key
     */
    public void put(String key, String value) {
        synchronized (values) {
            awaitRead();
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
        }
    }

    /**
     * Writes what is held to the file, replacing it whole; nothing when the file could not be read in time at the
     * start (what it holds stays for the next start).
     *
     * @throws IOException in words when the file cannot be written
     */
    public void save() throws IOException {
        Properties properties = new Properties();
        synchronized (values) {
            awaitRead();
            if (unread) {
                return;
            }
            properties.putAll(values);
        }
        StringWriter text = new StringWriter();
        properties.store(text, "CertBench's window layout, kept between runs"); //$NON-NLS-1$
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
