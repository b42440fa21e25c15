package org.certbench.agents.connector.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.core.AtomicFiles;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.crypto.Fingerprints;
import org.certbench.crypto.InvalidRequestException;
import org.eclipse.osgi.util.NLS;

/**
 * The inventory on disk, {@code <home>/agents/}:
 * <ul>
 * <li>{@code <name>.agent} — one properties file per agent ({@code name}, {@code host}, {@code port},
 * {@code added}, {@code pinned} and {@code trustedCa} as SHA-256 fingerprints of certificates, {@code pinnedKey} as
 * the SHA-256 fingerprint of a public key; a file without {@code pinnedKey}, from before keys were pinned, pins the
 * key of its pinned certificate), named by
 * {@link AgentFileNames#storageName}; one file each, so that changing one agent of 10,000 writes one small
 * file;</li>
 * <li>{@code certificates/<SHA256>.pem} — the pinned certificates and trusted CAs the agent files name,
 * stored once however many agents share them (a CA usually serves the whole fleet);</li>
 * <li>{@code known-cas/<SHA256>.pem} — CA certificates this console met in verify, apply or trust, which
 * "Trust this certificate" may trust for an agent whose certificate they issued.</li>
 * </ul>
 * Every file is written atomically and is plain text an administrator can read.
 */
final class AgentStore {

    static final String SUFFIX = ".agent"; //$NON-NLS-1$

    record Loaded(List<AgentEntry> agents, List<String> problems) {
    }

    private final Path directory;
    private final Path certificates;
    private final Path knownCas;
    /** Certificates are immutable and shared by many agents: read each file once while it is in use. */
    private final CertificateCache certificateCache = new CertificateCache();
    private List<Certificate> knownCaCache;
    /** The stamp of {@code known-cas/} when the cache was read: a CA another process made known changes it. */
    private org.certbench.core.FileStamp knownCaStamp = org.certbench.core.FileStamp.UNSURE;

    AgentStore(Path directory) {
        this.directory = directory;
        this.certificates = directory.resolve("certificates"); //$NON-NLS-1$
        this.knownCas = directory.resolve("known-cas"); //$NON-NLS-1$
    }

    Path path() {
        return directory;
    }

    /** Reads every agent file on all cores; an unreadable file is reported and skipped, never fatal. */
    Loaded load() throws IOException {
        List<Path> files = agentFiles();
        List<Object> reads = files.parallelStream().map(this::readOrProblem).toList();
        List<AgentEntry> agents = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Object read : reads) {
            if (read instanceof AgentEntry entry) {
                agents.add(entry);
            } else {
                problems.add((String) read);
            }
        }
        return new Loaded(agents, Collections.unmodifiableList(problems));
    }

    /** The agent files, sorted; none when the directory does not exist yet. */
    List<Path> agentFiles() throws IOException {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    void write(AgentEntry entry) throws IOException {
        writeCertificate(certificates, entry.pinnedCertificate());
        writeCertificate(certificates, entry.trustedCa());
        Properties properties = new Properties();
        properties.setProperty("name", entry.name()); //$NON-NLS-1$
        properties.setProperty("host", entry.host()); //$NON-NLS-1$
        properties.setProperty("port", Integer.toString(entry.port())); //$NON-NLS-1$
        properties.setProperty("added", entry.added().toString()); //$NON-NLS-1$
        if (entry.pinnedCertificate() != null) {
            properties.setProperty("pinned", entry.pinnedCertificate().sha256Fingerprint()); //$NON-NLS-1$
        }
        if (entry.trustedCa() != null) {
            properties.setProperty("trustedCa", entry.trustedCa().sha256Fingerprint()); //$NON-NLS-1$
        }
        if (entry.pinnedKey() != null) {
            properties.setProperty("pinnedKey", entry.pinnedKey()); //$NON-NLS-1$
        }
        StringWriter text = new StringWriter();
        properties.store(text, "CertBench agent; certificates are in certificates/<SHA-256>.pem"); //$NON-NLS-1$
        AtomicFiles.write(fileOf(entry.name()), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The agent as stored now, {@code null} if it has no file: another process (a shell beside the workbench) may
     * have added, changed or removed it since this one loaded the inventory.
     */
    AgentEntry readCurrent(String name) throws IOException, CertBenchCryptoException {
        Path file = fileOf(name);
        try {
            return read(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    void delete(String name) throws IOException {
        Files.deleteIfExists(fileOf(name));
    }

    Path fileOf(String name) {
        return directory.resolve(AgentFileNames.storageName(name) + SUFFIX);
    }

    synchronized void addKnownCa(Certificate ca) throws IOException {
        // a renewal through a known CA (every one but the first of a batch) changes nothing: the known CAs are not
        // read again for it
        if (writeCertificate(knownCas, ca)) {
            knownCaCache = null; // read again, with what another process made known meanwhile
        }
    }

    /**
     * The known CA certificates, read again only when {@code known-cas/} changed (an import of thousands of agents
     * asks for each: one {@code stat} then), so a CA a shell made known is known here too; unreadable files are left
     * out: they are the console's own copies, and the CA can be made known again from its file.
     */
    synchronized List<Certificate> knownCas() throws IOException {
        org.certbench.core.FileStamp now = org.certbench.core.FileStamp.of(knownCas);
        if (knownCaCache == null || !now.equals(knownCaStamp)) {
            // the stamp before the listing: a change during it is read at the next call
            knownCaStamp = now.trustedAt(Instant.now());
            knownCaCache = readKnownCas();
        }
        return knownCaCache;
    }

    private List<Certificate> readKnownCas() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(knownCas)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".pem")).sorted().toList(); //$NON-NLS-1$
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Certificate> cas = new ArrayList<>();
        for (Path file : files) {
            try {
                cas.add(Certificates.read(file).certificate());
            } catch (CertBenchCryptoException e) {
                // a damaged copy cannot be trusted for anything; see knownCas()
            }
        }
        return List.copyOf(cas);
    }

    private Object readOrProblem(Path file) {
        try {
            return read(file);
        } catch (IOException | IllegalArgumentException | DateTimeParseException | CertBenchCryptoException e) {
            return NLS.bind(Messages.Store_unreadableAgent, file, e.getMessage());
        }
    }

    /** One agent file, read as {@link #load} does. */
    AgentEntry read(Path file) throws IOException, CertBenchCryptoException {
        Properties properties = new Properties();
        try (Reader reader = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
            properties.load(reader);
        }
        String name = required(properties, "name"); //$NON-NLS-1$
        int port = Integer.parseInt(required(properties, "port")); //$NON-NLS-1$
        Certificate pinned = certificate(properties.getProperty("pinned")); //$NON-NLS-1$
        String pinnedKey = properties.getProperty("pinnedKey"); //$NON-NLS-1$
        AgentEntry entry = new AgentEntry(name, required(properties, "host"), port, //$NON-NLS-1$
                Instant.parse(required(properties, "added")), pinned, //$NON-NLS-1$
                certificate(properties.getProperty("trustedCa"))); //$NON-NLS-1$
        return pinnedKey == null || pinnedKey.isBlank() ? entry
                : new AgentEntry(entry.name(), entry.host(), entry.port(), entry.added(), pinned, entry.trustedCa(),
                        Fingerprints.shown(hex(pinnedKey)));
    }

    /** A fingerprint in an agent file as its hex digits, or the file refused in the crypto core's words. */
    private static String hex(String fingerprint) {
        try {
            return Fingerprints.parseSha256(fingerprint);
        } catch (InvalidRequestException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(NLS.bind(Messages.Store_missingProperty, key));
        }
        return value.strip();
    }

    private Certificate certificate(String fingerprint) throws IOException, CertBenchCryptoException {
        if (fingerprint == null || fingerprint.isBlank()) {
            return null;
        }
        String hex = hex(fingerprint);
        Certificate cached = certificateCache.get(hex);
        if (cached != null) {
            return cached;
        }
        Path file = certificates.resolve(hex + ".pem"); //$NON-NLS-1$
        Certificate certificate = Certificates.read(file).certificate();
        if (!Fingerprints.shown(hex).equals(certificate.sha256Fingerprint())) {
            throw new IllegalArgumentException(NLS.bind(Messages.Store_certificateChanged, file));
        }
        certificateCache.putIfAbsent(hex, certificate);
        return certificate;
    }

    /**
     * Stores {@code certificate} among the inventory's certificates without flushing it (see
     * {@link AtomicFiles#writeUnsynced}).
     *
     * @return the file written, or {@code null} when it was there already
     */
    Path storeCertificateUnsynced(Certificate certificate) throws IOException {
        String hex = hex(certificate.sha256Fingerprint());
        Path file = certificates.resolve(hex + ".pem"); //$NON-NLS-1$
        if (certificateCache.contains(hex) || Files.exists(file)) {
            certificateCache.putIfAbsent(hex, certificate);
            return null;
        }
        Files.createDirectories(certificates);
        AtomicFiles.writeUnsynced(file, certificate.pem().getBytes(StandardCharsets.US_ASCII));
        certificateCache.putIfAbsent(hex, certificate);
        return file;
    }

    /** The stored certificate with this SHA-256 fingerprint, or {@code null} for none. */
    Certificate storedCertificate(String fingerprint) throws IOException, CertBenchCryptoException {
        try {
            return certificate(fingerprint);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** @return whether the file was written (it did not exist) */
    private boolean writeCertificate(Path folder, Certificate certificate) throws IOException {
        if (certificate == null) {
            return false;
        }
        String hex = hex(certificate.sha256Fingerprint());
        Path file = folder.resolve(hex + ".pem"); //$NON-NLS-1$
        // content-addressed and never changed: written once, then shared
        boolean missing = !Files.exists(file);
        if (missing) {
            AtomicFiles.write(file, certificate.pem().getBytes(StandardCharsets.US_ASCII));
        }
        certificateCache.putIfAbsent(hex, certificate);
        return missing;
    }
}
