package org.certbench.expiry.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certbench.core.AtomicFiles;
import org.certbench.core.JsonReader;
import org.certbench.core.JsonSyntaxException;
import org.certbench.core.JsonWriter;
import org.certbench.core.LinkSafeFiles;
import org.certbench.expiry.ExpiryRow;
import org.certbench.expiry.WarnedCertificate;

/**
 * Which certificates each summary message names, in {@code <home>/expiry/summaries/}, one JSON file per summary
 * (named after its key), written before the message is posted: a summary's key is a hash, and whoever passes the
 * message on (notifications, maybe in another process and hours later) asks for the certificates behind it. A file
 * is deleted once its message has left the bell.
 */
final class SummaryMembers {

    /** 10,000 agents take about 2 MB: a larger file is no record of ours and names nobody. */
    private static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final String SUFFIX = ".json"; //$NON-NLS-1$
    private static final java.time.Duration GRACE = java.time.Duration.ofHours(1);

    private final Path directory;

    SummaryMembers(Path expiryDirectory) {
        this.directory = expiryDirectory.resolve("summaries"); //$NON-NLS-1$
    }

    /**
     * What a summary names: the threshold its certificates crossed ({@code null} when they have expired) and the
     * certificates.
     */
    record Named(Integer withinDays, List<WarnedCertificate> certificates) {
        static final Named NOBODY = new Named(null, List.of());
    }

    /**
     * Notes the certificates of the summary {@code key} (kind and hash: a file name of its own) and the threshold
     * they crossed ({@code null}: expired).
     */
    void write(String key, Integer withinDays, List<ExpiryRow> rows) throws IOException {
        List<Object> certificates = new ArrayList<>(rows.size());
        for (ExpiryRow row : rows) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", row.id()); //$NON-NLS-1$
            one.put("name", row.name()); //$NON-NLS-1$
            one.put("sha256", row.certificate().sha256Fingerprint()); //$NON-NLS-1$
            one.put("not_after", row.notAfter().toString()); //$NON-NLS-1$
            certificates.add(one);
        }
        Files.createDirectories(directory);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", key); //$NON-NLS-1$
        json.put("within_days", withinDays); //$NON-NLS-1$
        json.put("certificates", certificates); //$NON-NLS-1$
        AtomicFiles.write(file(key), JsonWriter.write(json).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The certificates of the summary {@code key}, of {@code kind}; none when no record (or no readable one) is left.
     */
    Named read(String key, String kind) {
        byte[] bytes;
        try {
            // never through a link nor from a FIFO (which would block here, the lock held): either is refused in words
            bytes = LinkSafeFiles.readAtMost(file(key), MAX_BYTES);
        } catch (NoSuchFileException e) {
            return Named.NOBODY;
        } catch (IOException e) {
            log(e);
            return Named.NOBODY;
        }
        List<WarnedCertificate> certificates = new ArrayList<>();
        Integer withinDays = null;
        try {
            if (bytes.length > MAX_BYTES) {
                throw new IOException(file(key) + " is larger than " + MAX_BYTES + " bytes"); //$NON-NLS-1$ //$NON-NLS-2$
            }
            Map<?, ?> json = (Map<?, ?>) JsonReader.parse(new String(bytes, StandardCharsets.UTF_8));
            if (json.get("within_days") instanceof Long days) { //$NON-NLS-1$
                withinDays = days.intValue();
            }
            for (Object element : (List<?>) json.get("certificates")) { //$NON-NLS-1$
                Map<?, ?> one = (Map<?, ?>) element;
                certificates.add(new WarnedCertificate(kind, (String) one.get("id"), (String) one.get("name"), //$NON-NLS-1$ //$NON-NLS-2$
                        (String) one.get("sha256"), Instant.parse((String) one.get("not_after")), null)); //$NON-NLS-1$ //$NON-NLS-2$
            }
        } catch (IOException | JsonSyntaxException | RuntimeException e) { // NOPMD a damaged record names nobody
            log(e);
            return Named.NOBODY;
        }
        return new Named(withinDays, certificates);
    }

    /**
     * Deletes the records of summaries whose messages are no longer in the bell ({@code current} keys) — not those of
     * the last hour, which another process on the home may have written after {@code current} was read, and is about
     * to post.
     */
    void retain(Set<String> current) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Set<String> kept = new java.util.HashSet<>();
        current.forEach(key -> kept.add(fileName(key)));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) { //$NON-NLS-1$
            for (Path file : files) {
                if (!kept.contains(file.getFileName().toString()) && Files.getLastModifiedTime(file).toInstant()
                        .isBefore(Instant.now().minus(GRACE))) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            log(e);
        }
    }

    private Path file(String key) {
        return directory.resolve(fileName(key));
    }

    /** {@code expiry.agent.summary:HEX} is {@code expiry.agent.summary-HEX.json}: a kind and a hash, no separator. */
    private static String fileName(String key) {
        return key.replace(':', '-') + SUFFIX;
    }

    private static void log(Exception e) {
        System.getLogger(SummaryMembers.class.getName()).log(System.Logger.Level.WARNING, String.valueOf(e.getMessage()),
                e);
    }
}
