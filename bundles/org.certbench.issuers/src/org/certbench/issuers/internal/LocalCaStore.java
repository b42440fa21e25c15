package org.certbench.issuers.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.certbench.core.AtomicFiles;
import org.certbench.core.FileStamp;
import org.certbench.core.HomeLock;
import org.certbench.core.LinkSafeDirectory;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateAuthority;
import org.certbench.crypto.Certificates;
import org.certbench.crypto.PrivateKeys;
import org.certbench.crypto.RevocationList;
import org.certbench.issuers.internal.files.IssuerFiles;

/**
 * The files of the {@code local} CA in {@code <home>/issuers/local/}: {@code ca.key} (0600) and {@code ca.pem}, made
 * on first use; {@code issued.tsv} (serial, not-after, subject per line) and {@code revoked.tsv} (serial, revocation
 * time), appended to; {@code crl.pem}, the current CRL. Changes are made under the lock {@code issuers/issuers.lock}
 * shared by every process on the home; what another process changed is seen through the files' stamps. The
 * directories are 0700, every file is written or read through a {@link LinkSafeDirectory}, following no link.
 */
final class LocalCaStore {

    static final String CA_CERTIFICATE = "ca.pem"; //$NON-NLS-1$
    static final String CA_KEY = "ca.key"; //$NON-NLS-1$
    static final String ISSUED = "issued.tsv"; //$NON-NLS-1$
    static final String REVOKED = "revoked.tsv"; //$NON-NLS-1$
    static final String CRL = "crl.pem"; //$NON-NLS-1$
    static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------"); //$NON-NLS-1$
    private static final int MAX_FILE = 1024 * 1024;
    /** Revoked serials: a line each (≈ 60 bytes), far more than a fleet of 10,000 ever revokes. */
    private static final int MAX_REVOKED_FILE = 16 * 1024 * 1024;

    private final Path issuersDirectory;
    private final Path directory;
    private final HomeLock lock;

    private volatile Loaded<CertificateAuthority> ca = Loaded.none();
    private volatile Loaded<Map<BigInteger, Instant>> revoked = Loaded.none();
    /** The CRL as last read, so that an issue does not parse it again while no one wrote it. */
    private volatile Loaded<RevocationList> crl = Loaded.none();
    /** The last CRL whose signature was checked, with its signer: a signature check per issue is a third of it. */
    private volatile CheckedCrl checkedCrl;

    private record CheckedCrl(RevocationList crl, Certificate signer) {
    }

    LocalCaStore(Path issuersDirectory) {
        this.issuersDirectory = issuersDirectory.toAbsolutePath().normalize();
        this.directory = this.issuersDirectory.resolve(LocalIssuer.NAME);
        this.lock = new HomeLock(this.issuersDirectory.resolve("issuers.lock")); //$NON-NLS-1$
    }

    Path directory() {
        return directory;
    }

    /** {@return the CA if it has been made, read again when another process made or replaced it} */
    Optional<CertificateAuthority> existing() throws IOException, CertBenchCryptoException {
        FileStamp stamp = FileStamp.of(directory.resolve(CA_CERTIFICATE));
        Loaded<CertificateAuthority> held = ca;
        if (held.stamp().equals(stamp)) {
            return Optional.ofNullable(held.value());
        }
        if (stamp.equals(FileStamp.ABSENT)) {
            return Optional.empty();
        }
        Instant taken = Instant.now();
        try (LinkSafeDirectory files = LinkSafeDirectory.open(directory)) {
            Certificate certificate = Certificates.read(files.read(CA_CERTIFICATE, MAX_FILE),
                    directory.resolve(CA_CERTIFICATE).toString()).certificate();
            KeyPair key = PrivateKeys.read(files.read(CA_KEY, MAX_FILE), directory.resolve(CA_KEY).toString());
            CertificateAuthority loaded = CertificateAuthority.of(certificate, key, directory.resolve(CA_KEY).toString());
            ca = new Loaded<>(stamp.trustedAt(taken), loaded);
            return Optional.of(loaded);
        } catch (NoSuchFileException removedMeanwhile) {
            return Optional.empty();
        }
    }

    /**
     * {@return the CA, made now (under the home's lock, so two processes make one) if there is none yet}
     *
     * @param commonName the new CA's name, asked for only when it is made (it looks up the host's name)
     */
    CertificateAuthority getOrCreate(java.util.function.Supplier<String> commonName, Instant now)
            throws IOException, CertBenchCryptoException {
        Optional<CertificateAuthority> known = existing();
        if (known.isPresent()) {
            return known.get();
        }
        createDirectories();
        return locked(() -> {
            Optional<CertificateAuthority> madeMeanwhile = existing();
            if (madeMeanwhile.isPresent()) {
                return madeMeanwhile.get();
            }
            CertificateAuthority made = CertificateAuthority.create(commonName.get(), now, CertificateAuthority.ROOT_VALIDITY);
            try (LinkSafeDirectory files = LinkSafeDirectory.open(directory)) {
                // the key first: a certificate on disk always has its key beside it
                files.write(CA_KEY, PrivateKeys.toPem(made.privateKey()).getBytes(StandardCharsets.US_ASCII),
                        AtomicFiles.OWNER_ONLY, null, true);
                files.write(CA_CERTIFICATE, made.certificate().pem().getBytes(StandardCharsets.US_ASCII), null, null,
                        true);
            }
            return existing().orElseThrow();
        });
    }

    /** Notes a certificate the CA issued (serial, not-after, subject), appended and flushed. */
    void recordIssued(Certificate certificate) throws IOException {
        String line = certificate.serialNumber().toString(16) + '\t' + certificate.notAfter() + '\t'
                + certificate.subject().replace('\t', ' ').replace('\n', ' ') + '\n';
        try (LinkSafeDirectory files = LinkSafeDirectory.open(directory)) {
            files.appendLine(ISSUED, line.getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY, null);
        }
    }

    /** {@return the revoked serials with when they were revoked, read again when another process revoked one} */
    Map<BigInteger, Instant> revoked() throws IOException {
        Path file = directory.resolve(REVOKED);
        FileStamp stamp = FileStamp.of(file);
        Loaded<Map<BigInteger, Instant>> held = revoked;
        if (held.stamp().equals(stamp)) {
            return held.value();
        }
        Instant taken = Instant.now();
        Map<BigInteger, Instant> read = new LinkedHashMap<>();
        if (!stamp.equals(FileStamp.ABSENT)) {
            try (LinkSafeDirectory files = LinkSafeDirectory.open(directory)) {
                String content = new String(files.read(REVOKED, MAX_REVOKED_FILE), StandardCharsets.UTF_8);
                for (String line : content.split("\n")) { //$NON-NLS-1$
                    String[] fields = line.split("\t"); //$NON-NLS-1$
                    if (fields.length >= 2) {
                        try {
                            read.putIfAbsent(new BigInteger(fields[0], 16), Instant.parse(fields[1]));
                        } catch (RuntimeException cutOff) {
                            // a line a crash cut short names no serial; the whole ones still count
                        }
                    }
                }
            } catch (NoSuchFileException removedMeanwhile) {
                // none revoked
            }
        }
        Map<BigInteger, Instant> value = Collections.unmodifiableMap(read);
        revoked = new Loaded<>(stamp.trustedAt(taken), value);
        return value;
    }

    /**
     * Puts a serial on the revocation list (once: a second revocation keeps the first date) and signs a new CRL.
     *
     * @return when it was revoked
     */
    Instant revoke(CertificateAuthority authority, BigInteger serial, Instant now)
            throws IOException, CertBenchCryptoException {
        createDirectories();
        return locked(() -> {
            Instant earlier = revoked().get(serial);
            if (earlier != null) {
                return earlier;
            }
            String line = serial.toString(16) + '\t' + now + '\n';
            try (LinkSafeDirectory files = LinkSafeDirectory.open(directory)) {
                files.appendLine(REVOKED, line.getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY, null);
            }
            writeCrl(authority, now, currentCrl());
            return now;
        });
    }

    /** {@return the CRL on disk, if there is a readable one; read again only when its file changed} */
    Optional<RevocationList> currentCrl() throws IOException {
        FileStamp stamp = FileStamp.of(directory.resolve(CRL));
        Loaded<RevocationList> held = crl;
        if (held.stamp().equals(stamp)) {
            return Optional.ofNullable(held.value());
        }
        Instant taken = Instant.now();
        RevocationList read;
        try (LinkSafeDirectory files = LinkSafeDirectory.open(directory)) {
            read = RevocationList.read(files.read(CRL, MAX_REVOKED_FILE), directory.resolve(CRL).toString());
        } catch (NoSuchFileException | CertBenchCryptoException missingOrDamaged) {
            read = null;
        }
        crl = new Loaded<>(stamp.trustedAt(taken), read);
        return Optional.ofNullable(read);
    }

    /**
     * Signs a new CRL when there is none, it lacks a revoked serial, or half its time to nextUpdate has passed: a
     * client that fetched it just before then still holds one that is valid.
     *
     * @return the CRL now on disk
     */
    RevocationList refreshCrl(CertificateAuthority authority, Instant now, Duration validity)
            throws IOException, CertBenchCryptoException {
        Optional<RevocationList> current = currentCrl();
        if (current.isPresent() && isFresh(current.get(), authority, now)) {
            return current.get();
        }
        createDirectories();
        return locked(() -> {
            Optional<RevocationList> again = currentCrl();
            if (again.isPresent() && isFresh(again.get(), authority, now)) {
                return again.get();
            }
            return writeCrl(authority, now, again);
        });
    }

    private boolean isFresh(RevocationList crl, CertificateAuthority authority, Instant now) throws IOException {
        Instant next = crl.nextUpdate().orElse(crl.thisUpdate());
        Instant half = crl.thisUpdate().plus(Duration.between(crl.thisUpdate(), next).dividedBy(2));
        return now.isBefore(half) && isSignedBy(crl, authority.certificate())
                && crl.revoked().keySet().containsAll(revoked().keySet());
    }

    private boolean isSignedBy(RevocationList list, Certificate ca) {
        CheckedCrl last = checkedCrl;
        if (last != null && last.crl().equals(list) && last.signer().equals(ca)) {
            return true;
        }
        boolean signed = list.isSignedBy(ca);
        if (signed) {
            checkedCrl = new CheckedCrl(list, ca);
        }
        return signed;
    }

    private RevocationList writeCrl(CertificateAuthority authority, Instant now, Optional<RevocationList> previous)
            throws IOException, CertBenchCryptoException {
        // numbers only grow (RFC 5280): the time in seconds, or one more than the last when clocks went back
        BigInteger number = BigInteger.valueOf(now.getEpochSecond());
        BigInteger last = previous.flatMap(RevocationList::number).orElse(BigInteger.ZERO);
        if (number.compareTo(last) <= 0) {
            number = last.add(BigInteger.ONE);
        }
        RevocationList crl = authority.revocationList(revoked(), number, now, now.plus(LocalIssuer.CRL_VALIDITY));
        try (LinkSafeDirectory files = LinkSafeDirectory.open(directory)) {
            files.write(CRL, crl.pem().getBytes(StandardCharsets.US_ASCII), null, null, true);
        }
        return crl;
    }

    /** The home's lock around work that may fail either way; nothing else is thrown through it. */
    private <T> T locked(HomeLock.Work<T, Exception> work) throws IOException, CertBenchCryptoException {
        try {
            return lock.call(work);
        } catch (IOException | CertBenchCryptoException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code issuers/} and {@code issuers/local/}, 0700, made without following a link. */
    private void createDirectories() throws IOException {
        new IssuerFiles(issuersDirectory).createDirectory();
        try (LinkSafeDirectory issuers = LinkSafeDirectory.open(issuersDirectory)) {
            issuers.createDirectoryIfAbsent(LocalIssuer.NAME, PRIVATE_DIRECTORY, null);
        }
    }

    private record Loaded<T>(FileStamp stamp, T value) {
        static <T> Loaded<T> none() {
            return new Loaded<>(FileStamp.UNSURE, null);
        }
    }
}
