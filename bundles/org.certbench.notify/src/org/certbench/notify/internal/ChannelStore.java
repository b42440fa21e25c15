package org.certbench.notify.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certbench.core.AtomicFiles;
import org.certbench.core.JsonReader;
import org.certbench.core.JsonSyntaxException;
import org.certbench.core.JsonWriter;
import org.certbench.core.LinkSafeDirectory;
import org.eclipse.osgi.util.NLS;

/**
 * The files of {@code <home>/notify/}: {@code channels.json}, {@code seen.json} (per channel, the ids of the messages
 * already queued for it) and {@code secrets/NAME}, all readable by the user only. The caller holds the home lock of
 * the notify directory around every read-modify-write.
 */
final class ChannelStore {

    private static final int MAX_SETTINGS = 1 << 20;
    private static final int MAX_SEEN = 8 << 20;
    private static final String CHANNELS = "channels.json"; //$NON-NLS-1$
    private static final String SEEN = "seen.json"; //$NON-NLS-1$
    private static final String SECRETS = "secrets"; //$NON-NLS-1$

    private final Path directory;

    ChannelStore(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    List<ChannelConfig> channels() throws IOException {
        Object json = readJson(CHANNELS, MAX_SETTINGS);
        List<ChannelConfig> channels = new ArrayList<>();
        if (json instanceof List<?> list) {
            for (Object item : list) {
                try {
                    channels.add(ChannelConfig.fromJson(item));
                } catch (IllegalArgumentException e) {
                    throw new IOException(NLS.bind(Messages.Store_unreadable, directory.resolve(CHANNELS),
                            e.getMessage()), e);
                }
            }
        }
        return channels;
    }

    void save(List<ChannelConfig> channels) throws IOException {
        write(CHANNELS, JsonWriter.write(channels.stream().map(ChannelConfig::toJson).toList()));
    }

    /** Per channel, the ids of the messages already queued for it (or there when it was added). */
    Map<String, Set<String>> seen() throws IOException {
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        if (readJson(SEEN, MAX_SEEN) instanceof Map<?, ?> map) {
            map.forEach((name, ids) -> {
                Set<String> set = new HashSet<>();
                if (ids instanceof List<?> list) {
                    list.forEach(id -> set.add(String.valueOf(id)));
                }
                seen.put(String.valueOf(name), set);
            });
        }
        return seen;
    }

    void saveSeen(Map<String, Set<String>> seen) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        seen.forEach((name, ids) -> json.put(name, ids.stream().sorted().toList()));
        write(SEEN, JsonWriter.write(json));
    }

    void saveSecret(String name, byte[] secret) throws IOException {
        Path secrets = directory.resolve(SECRETS);
        if (!Files.isDirectory(secrets)) {
            Files.createDirectories(secrets, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))); //$NON-NLS-1$
        }
        AtomicFiles.write(secrets.resolve(name), secret, AtomicFiles.OWNER_ONLY);
    }

    /** The stored secret of a channel, or {@code null}. */
    byte[] secret(String name) throws IOException {
        Path secrets = directory.resolve(SECRETS);
        if (!Files.isDirectory(secrets)) {
            return null;
        }
        try (LinkSafeDirectory opened = LinkSafeDirectory.open(secrets)) {
            return opened.read(name, Secrets.MAX_BYTES);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    void deleteSecret(String name) throws IOException {
        Path secrets = directory.resolve(SECRETS);
        if (Files.isDirectory(secrets)) {
            try (LinkSafeDirectory opened = LinkSafeDirectory.open(secrets)) {
                opened.delete(name);
            }
        }
    }

    private Object readJson(String name, int limit) throws IOException {
        if (!Files.isDirectory(directory)) {
            return null;
        }
        byte[] content;
        try (LinkSafeDirectory opened = LinkSafeDirectory.open(directory)) {
            content = opened.read(name, limit);
        } catch (NoSuchFileException e) {
            return null;
        }
        try {
            return JsonReader.parse(new String(content, StandardCharsets.UTF_8));
        } catch (JsonSyntaxException e) {
            throw new IOException(NLS.bind(Messages.Store_unreadable, directory.resolve(name), e.getMessage()), e);
        }
    }

    private void write(String name, String json) throws IOException {
        ensureDirectory(directory);
        try {
            AtomicFiles.write(directory.resolve(name), json.getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY);
        } catch (IOException e) {
            throw new IOException(NLS.bind(Messages.Store_unwritable, directory.resolve(name), e.getMessage()), e);
        }
    }

    static void ensureDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))); //$NON-NLS-1$
        }
    }
}
