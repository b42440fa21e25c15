package org.certbench.expiry.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.certbench.core.AtomicFiles;
import org.certbench.core.HomeLock;
import org.certbench.core.LinkSafeFiles;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;

/**
 * What each host service target served at its last handshake, and when, in {@code <home>/expiry/host-seen.properties}
 * (under {@code expiry/host-seen.lock}; the newer sighting of a target wins, so processes on one home lose nothing):
 * the overview shows it as of then instead of a handshake per target on every look. A sighting carries the stamp of
 * the target's settings and of the files they name; once they differ (a certificate generated, uploaded, or set), it
 * is not used any more and the target is read again. Thread-safe.
 */
final class LastServed {

    /** A target's served certificate at {@code at}, with the stamp of its settings then. */
    record Sighting(Certificate certificate, Instant at, String stamp) {
    }

    /** More is not a file of a few targets' certificates: not read (the targets are read again). */
    private static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final String AT = ".at"; //$NON-NLS-1$
    private static final String STAMP = ".stamp"; //$NON-NLS-1$
    private static final String CERTIFICATE = ".certificate"; //$NON-NLS-1$

    private final Path file;
    private final HomeLock lock;

    LastServed(Path directory) {
        this.file = directory.resolve("host-seen.properties"); //$NON-NLS-1$
        this.lock = new HomeLock(directory.resolve("host-seen.lock")); //$NON-NLS-1$
    }

    /** Every target's last sighting; empty when none was noted or the file cannot be read (then all are read). */
    Map<String, Sighting> all() throws IOException {
        return read();
    }

    /** Notes what targets served, keeping another process's newer sightings. */
    void record(Map<String, Sighting> seen) throws IOException {
        if (seen.isEmpty()) {
            return;
        }
        Files.createDirectories(file.getParent());
        lock.call(() -> {
            Map<String, Sighting> merged = new HashMap<>(read());
            seen.forEach((target, sighting) -> merged.merge(target, sighting,
                    (old, now) -> now.at().isBefore(old.at()) ? old : now));
            write(merged);
            return null;
        });
    }

    private void write(Map<String, Sighting> sightings) throws IOException {
        Properties properties = new Properties();
        sightings.forEach((target, sighting) -> {
            properties.setProperty(target + AT, sighting.at().toString());
            properties.setProperty(target + STAMP, sighting.stamp());
            properties.setProperty(target + CERTIFICATE,
                    Base64.getEncoder().encodeToString(sighting.certificate().der()));
        });
        StringWriter text = new StringWriter();
        properties.store(text, null);
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Sighting> read() throws IOException {
        byte[] bytes;
        try {
            // never through a link nor from a FIFO (which would block here, the lock held): either is refused in words
            bytes = LinkSafeFiles.readAtMost(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        if (bytes.length > MAX_BYTES) {
            return Map.of();
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
        Map<String, Sighting> sightings = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.endsWith(AT)) {
                continue;
            }
            String target = key.substring(0, key.length() - AT.length());
            try {
                Instant at = Instant.parse(properties.getProperty(key));
                String stamp = properties.getProperty(target + STAMP, ""); //$NON-NLS-1$
                byte[] der = Base64.getDecoder().decode(properties.getProperty(target + CERTIFICATE, "")); //$NON-NLS-1$
                sightings.put(target, new Sighting(Certificate.fromDer(der, file.toString()), at, stamp));
            } catch (DateTimeParseException | IllegalArgumentException | CertBenchCryptoException e) {
                // a damaged entry is as if never seen: that target is read again
            }
        }
        return sightings;
    }
}
