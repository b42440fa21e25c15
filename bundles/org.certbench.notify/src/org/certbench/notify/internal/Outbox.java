package org.certbench.notify.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.certbench.core.AtomicFiles;
import org.certbench.core.JsonReader;
import org.certbench.core.JsonWriter;
import org.certbench.core.LinkSafeDirectory;
import org.eclipse.osgi.util.NLS;

/**
 * {@code <home>/notify/outbox/}: one file per digest not yet delivered, named so that the oldest sorts first. The
 * caller holds the home lock of the notify directory; a digest leaves the outbox only once its channel took it, so a
 * process that ends (or dies) loses none, and the next one sends it.
 */
final class Outbox {

    private static final int MAX_DIGEST = 8 << 20;
    private static final String SUFFIX = ".json"; //$NON-NLS-1$

    private final Path directory;

    Outbox(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** Named by time and, within one millisecond, by a sequence: digests of a channel are sent in their order. */
    Digest add(String channel, Instant now, List<Digest.Item> items) throws IOException {
        String millis = String.format("%013d-", now.toEpochMilli()); //$NON-NLS-1$
        int sequence = 0;
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> same = Files.newDirectoryStream(directory, millis + "*")) { //$NON-NLS-1$
                for (Path ignored : same) {
                    sequence++;
                }
            }
        }
        String file = String.format("%s%04d-%s-%s%s", millis, sequence, channel, //$NON-NLS-1$
                UUID.randomUUID().toString().substring(0, 8), SUFFIX);
        Digest digest = new Digest(file, channel, now, 0, now, "", items); //$NON-NLS-1$
        write(digest);
        return digest;
    }

    void write(Digest digest) throws IOException {
        ChannelStore.ensureDirectory(directory);
        AtomicFiles.write(directory.resolve(digest.file()),
                JsonWriter.write(digest.toJson()).getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY);
    }

    void remove(Digest digest) throws IOException {
        try (LinkSafeDirectory opened = LinkSafeDirectory.open(directory)) {
            opened.delete(digest.file());
        }
    }

    /**
     * Every waiting digest, oldest first. One that cannot be read is renamed aside ({@code .bad}) and reported, so
     * that it does not block the others at every run.
     */
    List<Digest> all(Consumer<String> problems) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) { //$NON-NLS-1$
            files.forEach(file -> names.add(file.getFileName().toString()));
        }
        names.sort(null);
        List<Digest> digests = new ArrayList<>();
        try (LinkSafeDirectory opened = LinkSafeDirectory.open(directory)) {
            for (String name : names) {
                try {
                    byte[] content = opened.read(name, MAX_DIGEST);
                    digests.add(Digest.fromJson(name, JsonReader.parse(new String(content, StandardCharsets.UTF_8))));
                } catch (Exception e) { // NOPMD any damage of one file (I/O, syntax, a wrong member) sets it aside
                    String aside = name + ".bad"; //$NON-NLS-1$
                    opened.rename(name, aside);
                    problems.accept(NLS.bind(Messages.Outbox_unreadable,
                            new Object[] { directory.resolve(name), aside, String.valueOf(e.getMessage()) }));
                }
            }
        }
        return digests;
    }
}
