package org.certbench.truststore.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.certbench.core.AtomicFiles;
import org.certbench.core.FileStamp;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.truststore.CaEntry;
import org.eclipse.osgi.util.NLS;

/**
 * The store on disk: one file per certificate, {@code <fingerprint>.pem} for those CertBench imported, and
 * any {@code .pem}, {@code .crt}, {@code .cer} or {@code .der} file an administrator dropped in. Written
 * atomically, so a crash never leaves a half-written certificate.
 */
final class CaDirectory {

    private static final Set<String> CERTIFICATE_EXTENSIONS = Set.of(".pem", ".crt", ".cer", ".der");

    record Scan(Map<String, CaEntry> entries, List<String> unreadable) {
    }

    /** A certificate file as last read: its stamp, and its entry or what is wrong with it. */
    record Stored(FileStamp stamp, CaEntry entry, String problem) {
    }

    private final Path directory;

    CaDirectory(Path directory) {
        this.directory = directory;
    }

    Path path() {
        return directory;
    }

    /** Reads every certificate file; the parsing runs on all cores, as 10,000 files must load within a second. */
    Scan scan() throws IOException {
        return scan(update(Map.of()));
    }

    /**
     * The certificate files as they are now, by file name in name order: a file whose stamp is what
     * {@code before} holds is kept as read then, the others are read (a listing and a {@code stat} per file
     * when nothing changed).
     */
    Map<String, Stored> update(Map<String, Stored> before) throws IOException {
        return update(before, () -> false);
    }

    /**
     * As {@link #update(Map)}, the files left unread once {@code canceled} says so: then the map is empty, for the
     * caller to discard (a Reload cancelled while it reads a big store stops then, not after the last file).
     */
    Map<String, Stored> update(Map<String, Stored> before, BooleanSupplier canceled) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(CaDirectory::hasCertificateName).sorted().toList();
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        Map<String, Stored> now = new LinkedHashMap<>();
        List<Path> changed = new ArrayList<>();
        List<FileStamp> stamps = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Stored known = before.get(name);
            // one stat per file, its type and stamp together (a link is followed: an administrator may link a CA
            // in); the stamp before the content: a change between the two shows as a different stamp next time
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                continue; // deleted since the listing, a link to nowhere, or not ours to read: not a certificate
            }
            if (!attributes.isRegularFile()) {
                continue;
            }
            FileStamp stamp = new FileStamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
            now.put(name, known != null && known.stamp().equals(stamp) ? known : null);
            if (now.get(name) == null) {
                changed.add(file);
                stamps.add(stamp.trustedAt(java.time.Instant.now()));
            }
        }
        List<FileRead> reads = changed.parallelStream().map(file -> canceled.getAsBoolean() ? null : read(file))
                .toList();
        if (canceled.getAsBoolean()) {
            return Map.of();
        }
        for (int i = 0; i < changed.size(); i++) {
            FileRead read = reads.get(i);
            now.put(changed.get(i).getFileName().toString(), new Stored(stamps.get(i), read.entry(), read.problem()));
        }
        return now;
    }

    /** The entries by id (the first file of a certificate stored twice wins) and the unreadable files in words. */
    static Scan scan(Map<String, Stored> files) {
        Map<String, CaEntry> entries = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (var file : files.entrySet()) {
            Stored stored = file.getValue();
            if (stored.entry() != null) {
                entries.putIfAbsent(stored.entry().id(), stored.entry());
            } else {
                unreadable.add(NLS.bind(Messages.Reload_unreadable, file.getKey(), stored.problem()));
            }
        }
        return new Scan(entries, Collections.unmodifiableList(unreadable));
    }

    CaEntry write(Certificate certificate) throws IOException {
        String id = CaIds.of(certificate);
        Path file = directory.resolve(id + ".pem");
        AtomicFiles.write(file, certificate.pem().getBytes(StandardCharsets.US_ASCII));
        return entry(id, certificate, file);
    }

    void delete(CaEntry entry) throws IOException {
        Files.deleteIfExists(directory.resolve(entry.fileName()));
    }

    static Comparator<CaEntry> byCommonName() {
        return Comparator.comparing((CaEntry entry) -> entry.commonName().toLowerCase(Locale.ROOT))
                .thenComparing(CaEntry::id);
    }

    private record FileRead(Path file, CaEntry entry, String problem) {
    }

    private static FileRead read(Path file) {
        try {
            Certificate certificate = Certificates.read(file).certificate();
            if (!certificate.isCertificateAuthority()) {
                return new FileRead(file, null, Messages.Store_notCa);
            }
            return new FileRead(file, entry(CaIds.of(certificate), certificate, file), null);
        } catch (CertBenchCryptoException e) {
            return new FileRead(file, null, e.getMessage());
        }
    }

    private static CaEntry entry(String id, Certificate certificate, Path file) {
        return new CaEntry(id, certificate, file.getFileName().toString(), TrustAnchors.problem(certificate));
    }

    private static boolean hasCertificateName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0
                && CERTIFICATE_EXTENSIONS.contains(name.substring(dot).toLowerCase(Locale.ROOT));
    }

    /**
     * The files after this process wrote {@code entry}'s file (under the store's lock), without listing the
     * directory again. Its stamp is trusted even within the clock tick: the file is named by its certificate's
     * fingerprint, so a file of that name always holds that certificate.
     */
    Map<String, Stored> written(Map<String, Stored> before, CaEntry entry) throws IOException {
        Map<String, Stored> next = new java.util.TreeMap<>(before);
        next.put(entry.fileName(), new Stored(FileStamp.of(directory.resolve(entry.fileName())), entry, null));
        return Collections.unmodifiableMap(new LinkedHashMap<>(next));
    }

    /** The files after this process deleted {@code entry}'s file, without listing the directory again. */
    static Map<String, Stored> deleted(Map<String, Stored> before, CaEntry entry) {
        Map<String, Stored> next = new LinkedHashMap<>(before);
        next.remove(entry.fileName());
        return Collections.unmodifiableMap(next);
    }
}
