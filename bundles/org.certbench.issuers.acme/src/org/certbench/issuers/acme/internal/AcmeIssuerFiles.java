package org.certbench.issuers.acme.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.certbench.core.HomeLock;
import org.certbench.core.LinkSafeDirectory;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.PrivateKeys;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.certbench.issuers.acme.AcmeIssuers;
import org.eclipse.osgi.util.NLS;

/**
 * The ACME issuers' files in {@code <home>/issuers/} (beside the command issuers'): {@code NAME.acme} (the
 * configuration) and {@code NAME.acme-account.pem} (the account key, 0600), written under {@code issuers.lock}
 * without following a link, read again on every look so what a shell configured is what the workbench uses.
 */
final class AcmeIssuerFiles {

    static final String CONFIG = ".acme"; //$NON-NLS-1$
    static final String ACCOUNT_KEY = ".acme-account.pem"; //$NON-NLS-1$
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"); //$NON-NLS-1$
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------"); //$NON-NLS-1$
    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------"); //$NON-NLS-1$
    private static final int MAX_FILE = 64 * 1024;

    private final Path directory;
    private final HomeLock lock;

    AcmeIssuerFiles(Path issuersDirectory) {
        this.directory = issuersDirectory.toAbsolutePath().normalize();
        this.lock = new HomeLock(directory.resolve("issuers.lock")); //$NON-NLS-1$
    }

    Path directory() {
        return directory;
    }

    /** The home, {@code issuers/} and the issuer's files: whoever can change one of them chooses where root writes. */
    List<Path> configuration(String name) {
        return List.of(directory.getParent(), directory, directory.resolve(name + CONFIG),
                directory.resolve(name + ACCOUNT_KEY));
    }

    /** {@return the names of the configured ACME issuers, sorted} */
    List<String> names() {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + CONFIG)) { //$NON-NLS-1$
            files.forEach(file -> names.add(file.getFileName().toString().replaceFirst("\\.acme$", ""))); //$NON-NLS-1$ //$NON-NLS-2$
        } catch (IOException e) {
            log(directory.toString(), e);
        }
        names.removeIf(name -> !NAME.matcher(name).matches());
        names.sort(null);
        return names;
    }

    Optional<AcmeIssuerConfig> read(String name) {
        try (LinkSafeDirectory files = LinkSafeDirectory.open(directory)) {
            return Optional.of(AcmeIssuerConfig.parse(name,
                    new String(files.read(name + CONFIG, MAX_FILE), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log(name, e);
            return Optional.empty();
        }
    }

    void write(AcmeIssuerConfig config) throws IssuerException {
        try {
            createDirectory();
            lock.call(() -> {
                try (LinkSafeDirectory files = LinkSafeDirectory.open(directory)) {
                    files.write(config.name() + CONFIG, config.text().getBytes(StandardCharsets.UTF_8), null, null,
                            true);
                }
                return null;
            });
        } catch (IOException e) {
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Files_notWritten, directory,
                    e.getMessage()), e);
        }
    }

    /**
     * The issuer's account key for registering its account: made (EC P-256, 0600) if there is none, else the kept
     * one, so adding an issuer again finds the same account. Only {@link AcmeIssuers#add} makes a key: an issue
     * uses {@link #registeredAccountKey}.
     */
    KeyPair accountKeyForRegistration(String name) throws IssuerException {
        try {
            createDirectory();
            return lock.call(() -> {
                try (LinkSafeDirectory files = LinkSafeDirectory.open(directory)) {
                    try {
                        return PrivateKeys.read(files.read(name + ACCOUNT_KEY, MAX_FILE), keyFile(name).toString());
                    } catch (NoSuchFileException e) {
                        KeyPair made = PrivateKeys.generate(KeyType.EC_P256);
                        files.write(name + ACCOUNT_KEY, PrivateKeys.toPem(made.getPrivate())
                                .getBytes(StandardCharsets.US_ASCII), PRIVATE_FILE, null, true);
                        return made;
                    }
                }
            });
        } catch (Exception e) {
            // the key file, the lock or the crypto core: all of them in words
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Files_accountKey, keyFile(name),
                    e.getMessage()), e);
        }
    }

    /**
     * The key of the issuer's registered account, never made here: a new key would be a new account (or, with the
     * stored account's URL, a login the CA refuses), and a lost key is for the administrator to notice, not for
     * CertBench to paper over. Nothing is written, whatever the refusal.
     *
     * @throws IssuerException in words, saying how to register a new account deliberately, if the key is missing
     *         or cannot be read
     */
    KeyPair registeredAccountKey(AcmeIssuerConfig config) throws IssuerException {
        String name = config.name();
        byte[] pem;
        try (LinkSafeDirectory files = LinkSafeDirectory.open(directory)) {
            pem = files.read(name + ACCOUNT_KEY, MAX_FILE);
        } catch (NoSuchFileException e) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Files_accountKeyMissing, new Object[] {
                    keyFile(name), name, config.account(), config.directory() }), e);
        } catch (IOException e) {
            throw unreadableKey(config, e.getMessage(), e);
        }
        try {
            return PrivateKeys.read(pem, keyFile(name).toString());
        } catch (CertBenchCryptoException | RuntimeException e) {
            throw unreadableKey(config, e.getMessage(), e);
        }
    }

    private IssuerException unreadableKey(AcmeIssuerConfig config, String why, Exception e) {
        return new IssuerException(Reason.REFUSED, NLS.bind(Messages.Files_accountKeyUnreadable, new Object[] {
                keyFile(config.name()), config.name(), why, config.directory() }), e);
    }

    private Path keyFile(String name) {
        return directory.resolve(name + ACCOUNT_KEY);
    }

    /** {@return whether there was an ACME issuer of that name to remove} */
    boolean remove(String name) throws IssuerException {
        if (!NAME.matcher(name).matches()) {
            return false;
        }
        try {
            return lock.call(() -> {
                try (LinkSafeDirectory files = LinkSafeDirectory.open(directory)) {
                    boolean removed = files.delete(name + CONFIG);
                    files.delete(name + ACCOUNT_KEY);
                    return removed;
                }
            });
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Files_notWritten, directory,
                    e.getMessage()), e);
        }
    }

    private void createDirectory() throws IOException {
        try (LinkSafeDirectory home = LinkSafeDirectory.open(directory.getParent())) {
            home.createDirectoryIfAbsent(directory.getFileName().toString(), PRIVATE_DIRECTORY, null);
        }
    }

    private static void log(String what, Exception e) {
        System.getLogger(AcmeIssuerFiles.class.getName()).log(System.Logger.Level.WARNING,
                NLS.bind(Messages.Files_unreadable, what, e.getMessage()), e);
    }
}
