package org.certbench.host.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.certbench.core.AtomicFiles;
import org.certbench.core.PropertiesFiles;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.TargetSettings;
import org.eclipse.osgi.util.NLS;

/** {@code <home>/host/<id>.properties}: one file per target, written atomically, readable by an administrator. */
final class SettingsFiles {

    private final Path directory;

    SettingsFiles(Path directory) {
        this.directory = directory;
    }

    TargetSettings read(String targetId) throws HostCertificateException {
        Path file = file(targetId);
        Properties properties = new Properties();
        try {
            properties.putAll(PropertiesFiles.load(file, PropertiesFiles.SETTINGS_LIMIT));
        } catch (NoSuchFileException e) {
            // nothing set yet: every setting has its default
        } catch (IOException | IllegalArgumentException e) {
            throw new HostCertificateException(Reason.SETTINGS_UNAVAILABLE,
                    NLS.bind(Messages.Settings_unreadable, file, e.getMessage()), e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return new TargetSettings(targetId, file, values);
    }

    TargetSettings write(String targetId, Map<String, String> values) throws HostCertificateException {
        Path file = file(targetId);
        StringBuilder text = new StringBuilder("# Settings of the host certificate target '" + targetId //$NON-NLS-1$
                + "'; change them with host:configure " + targetId + " KEY=VALUE\n"); //$NON-NLS-1$ //$NON-NLS-2$
        for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
            text.append(escape(entry.getKey(), true)).append('=').append(escape(entry.getValue(), false)).append('\n');
        }
        try {
            AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new HostCertificateException(Reason.SETTINGS_UNAVAILABLE,
                    NLS.bind(Messages.Settings_unwritable, file, e.getMessage()), e);
        }
        return new TargetSettings(targetId, file, values);
    }

    private Path file(String targetId) {
        return directory.resolve(targetId + ".properties"); //$NON-NLS-1$
    }

    /**
     * Properties escaping by hand, because {@link Properties#store} writes a date line and escapes every
     * non-ASCII character, which makes the file harder to read and to compare.
     */
    private static String escape(String text, boolean key) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\"); //$NON-NLS-1$
                case '\n' -> escaped.append("\\n"); //$NON-NLS-1$
                case '\r' -> escaped.append("\\r"); //$NON-NLS-1$
                case '\t' -> escaped.append("\\t"); //$NON-NLS-1$
                case '=', ':', '#', '!' -> escaped.append('\\').append(c);
                case ' ' -> escaped.append(key || i == 0 ? "\\ " : " "); //$NON-NLS-1$ //$NON-NLS-2$
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
