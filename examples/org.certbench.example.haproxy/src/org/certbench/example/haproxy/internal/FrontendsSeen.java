package org.certbench.example.haproxy.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import org.certbench.core.AtomicFiles;
import org.certbench.core.HomeLock;
import org.certbench.core.PropertiesFiles;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Fingerprints;
import org.certbench.expiry.ContributedCertificate;
import org.certbench.host.TargetSettings;
import org.eclipse.osgi.util.NLS;

/**
 * What HAProxy's frontends served when last read, kept in {@code <home>/haproxy/expiry-seen.properties} (under
 * {@code haproxy/expiry-seen.lock}), so that a new process - a one-shot {@code certbench-shell expiry:list} - shows
 * it as of then instead of a handshake with every frontend. It carries the SHA-256 of the target's settings it was
 * read with: once they differ, it is not used. Of two processes the newer read wins. Thread-safe.
 */
final class FrontendsSeen {

    /** The frontends' certificates read at {@code at} with the settings of stamp {@code settings}. */
    record Read(String settings, List<ContributedCertificate> served, Instant at) {
    }

    /** A few frontends' certificates are some KiB: more is no file this plug-in wrote, and is not read. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final String SETTINGS = "settings"; //$NON-NLS-1$
    private static final String AT = "at"; //$NON-NLS-1$
    private static final String COUNT = "frontends"; //$NON-NLS-1$

    private static final System.Logger LOG = System.getLogger(FrontendsSeen.class.getName());

    private final Path file;
    private final HomeLock lock;

    FrontendsSeen(Path directory) {
        this.file = directory.resolve("expiry-seen.properties"); //$NON-NLS-1$
        this.lock = new HomeLock(directory.resolve("expiry-seen.lock")); //$NON-NLS-1$
    }

    Path file() {
        return file;
    }

    /** The stamp of a target's settings: equal settings, equal stamps. */
    static String stamp(TargetSettings settings) {
        return Fingerprints.sha256(settings.values().toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The last read, or {@code null} when none was kept; an entry that cannot be understood is as if none.
     *
     * @throws IOException in words when the file cannot be read or is larger than {@link #MAX_BYTES}
     */
    Read load() throws IOException {
        Properties properties;
        try {
            properties = PropertiesFiles.load(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            int count = Integer.parseInt(properties.getProperty(COUNT, "")); //$NON-NLS-1$
            List<ContributedCertificate> served = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                String prefix = "frontend." + index + "."; //$NON-NLS-1$ //$NON-NLS-2$
                byte[] der = Base64.getDecoder().decode(properties.getProperty(prefix + "certificate", "")); //$NON-NLS-1$ //$NON-NLS-2$
                served.add(new ContributedCertificate(required(properties, prefix + "id"), //$NON-NLS-1$
                        required(properties, prefix + "name"), required(properties, prefix + "usedAt"), //$NON-NLS-1$ //$NON-NLS-2$
                        Certificate.fromDer(der, file.toString()), null));
            }
            return new Read(required(properties, SETTINGS), List.copyOf(served),
                    Instant.parse(required(properties, AT)));
        } catch (IllegalArgumentException | DateTimeParseException | CertBenchCryptoException e) {
            // hand-edited or cut short: the frontends are read again, and the file written anew
            return null;
        }
    }

    /** Keeps {@code read} unless another process kept a newer one meanwhile. */
    void save(Read read) throws IOException {
        Files.createDirectories(file.getParent());
        lock.call(() -> {
            Read kept;
            try {
                kept = load();
            } catch (IOException e) {
                // too large, a link, a FIFO: kept as it is, it would be refused at every read and never replaced
                LOG.log(System.Logger.Level.WARNING, NLS.bind(Messages.Expiry_seenReplaced, file, e.getMessage()));
                kept = null;
            }
            if (kept == null || !kept.at().isAfter(read.at())) {
                write(read);
            }
            return null;
        });
    }

    private void write(Read read) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(SETTINGS, read.settings());
        properties.setProperty(AT, read.at().toString());
        properties.setProperty(COUNT, Integer.toString(read.served().size()));
        for (int index = 0; index < read.served().size(); index++) {
            ContributedCertificate served = read.served().get(index);
            String prefix = "frontend." + index + "."; //$NON-NLS-1$ //$NON-NLS-2$
            properties.setProperty(prefix + "id", served.id()); //$NON-NLS-1$
            properties.setProperty(prefix + "name", served.name()); //$NON-NLS-1$
            properties.setProperty(prefix + "usedAt", served.usedAt()); //$NON-NLS-1$
            properties.setProperty(prefix + "certificate", //$NON-NLS-1$
                    Base64.getEncoder().encodeToString(served.certificate().der()));
        }
        StringWriter text = new StringWriter();
        properties.store(text, "CertBench HAProxy example: what the frontends served when last read"); //$NON-NLS-1$
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException(key);
        }
        return value;
    }
}
