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

import org.certbench.core.AtomicFiles;
import org.certbench.core.PropertiesFiles;
import org.certbench.core.StateDirectory;

/**
 * The layout of the workbench as the administrator left it: window bounds, the selected views, the tables' column
 * widths and sort, as text values under keys its users choose. Read once from {@code <home>/layout.properties} and
 * written back when the workbench closes. The file is the administrator's and may hold anything: a file that cannot
 * be read, or is larger than a settings file may be, is ignored as a whole, and each user checks its own values (a
 * layout is a convenience; it never stops the start). Use on the UI thread.
 */
public final class LayoutMemory {

    /** The file's name in the home. */
    public static final String FILE_NAME = "layout.properties"; //$NON-NLS-1$

    private static LayoutMemory shared;

    private final Path file;
    private final Map<String, String> values = new TreeMap<>();

    /**
     * The memory of the file {@code file}, read now.
     *
     * @param file where the layout is read from and written to
     */
    public LayoutMemory(Path file) {
        this.file = file;
        reload();
    }

    /** {@return the memory of the workbench: {@value #FILE_NAME} in CertBench's home, read at the first call} */
    public static synchronized LayoutMemory shared() {
        if (shared == null) {
            shared = new LayoutMemory(StateDirectory.root().resolve(FILE_NAME));
        }
        return shared;
    }

    /** {@return the file read and written} */
    public Path file() {
        return file;
    }

    /** Forgets what is held and reads the file again, as at a start; a missing or unreadable file leaves nothing. */
    public void reload() {
        values.clear();
        try {
            Properties read = PropertiesFiles.load(file, PropertiesFiles.SETTINGS_LIMIT);
            read.stringPropertyNames().forEach(key -> values.put(key, read.getProperty(key)));
        } catch (NoSuchFileException e) {
            // the first start: the defaults of each view
        } catch (IOException | IllegalArgumentException e) {
            // a layout is a convenience: with a broken file the workbench starts with its defaults
        }
    }

    /**
     * {@return the value kept under {@code key}, if any}
     *
     * @param key the key
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * Keeps {@code value} under {@code key} until {@link #save}.
     *
     * @param key   the key
     * @param value the value, or {@code null} to forget the key
     */
    public void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    /**
     * Writes what is held to the file, replacing it whole.
     *
     * @throws IOException in words when the file cannot be written
     */
    public void save() throws IOException {
        Properties properties = new Properties();
        properties.putAll(values);
        StringWriter text = new StringWriter();
        properties.store(text, "CertBench's window layout, kept between runs"); //$NON-NLS-1$
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
