package org.certbench.issuers.acme.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.certbench.core.LinkSafeDirectory;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.PrivateKeys;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.certbench.issuers.acme.AcmeIssuers;
import org.certbench.issuers.internal.files.IssuerFiles;
import org.eclipse.osgi.util.NLS;

/**
 * The ACME issuers' files in {@code <home>/issuers/} (beside the command issuers'): {@code NAME.acme} (the
 * configuration) and {@code NAME.acme-account.pem} (the account key, 0600), written under {@code issuers.lock}
 * without following a link ({@link IssuerFiles}, shared with the command issuers), read again on every look so what a
 * shell configured is what the workbench uses.
 */
final class AcmeIssuerFiles {

    static final String CONFIG = ".acme"; //$NON-NLS-1$
    static final String ACCOUNT_KEY = ".acme-account.pem"; //$NON-NLS-1$
    static final Pattern NAME = IssuerFiles.NAME;
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------"); //$NON-NLS-1$
    private static final int MAX_FILE = 64 * 1024;

    private final IssuerFiles files;
    private final Path directory;

    AcmeIssuerFiles(Path issuersDirectory) {
        this.files = new IssuerFiles(issuersDirectory);
        this.directory = files.directory();
    }

    Path directory() {
        return directory;
    }

    /** The home, {@code issuers/} and the issuer's files: whoever can change one of them chooses where root writes. */
    List<Path> configuration(String name) {
        return files.configuration(name, CONFIG, ACCOUNT_KEY);
    }

    /** {@return the names of the configured ACME issuers, sorted} */
    List<String> names() {
        try {
            return files.names(CONFIG).stream().filter(name -> NAME.matcher(name).matches()).toList();
        } catch (IOException e) {
            log(directory.toString(), e);
            return List.of();
        }
    }

    Optional<AcmeIssuerConfig> read(String name) {
        try (LinkSafeDirectory issuers = LinkSafeDirectory.open(directory)) {
            return Optional.of(AcmeIssuerConfig.parse(name,
                    new String(issuers.read(name + CONFIG, MAX_FILE), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log(name, e);
            return Optional.empty();
        }
    }

    void write(AcmeIssuerConfig config) throws IssuerException {
        try {
            files.change(issuers -> {
                issuers.write(config.name() + CONFIG, config.text().getBytes(StandardCharsets.UTF_8), null, null,
                        true);
                return null;
            });
        } catch (IOException e) {
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Files_notWritten, directory,
                    e.getMessage()), e);
        }
    }

    /**
     * The issuer's account key for registering its account: the kept one, so adding an issuer again finds the same
     * account, else a new one (EC P-256) that is not written yet: {@link #keepAccountKey} writes it once the CA has
     * registered the account, so a refusal leaves no key without an issuer. Only {@link AcmeIssuers#add} makes a
     * key: an issue uses {@link #registeredAccountKey}.
     */
    KeyPair accountKeyForRegistration(String name) throws IssuerException {
        try (LinkSafeDirectory issuers = LinkSafeDirectory.open(directory)) {
            byte[] kept;
            try {
                kept = issuers.read(name + ACCOUNT_KEY, MAX_FILE);
            } catch (NoSuchFileException e) {
                return newAccountKey(name);
            }
            return PrivateKeys.read(kept, keyFile(name).toString());
        } catch (NoSuchFileException noIssuersDirectoryYet) {
            return newAccountKey(name);
        } catch (IOException | CertBenchCryptoException e) {
            // the key file or the crypto core (a damaged key): both in words
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Files_accountKey, keyFile(name),
                    e.getMessage()), e);
        }
    }

    private KeyPair newAccountKey(String name) throws IssuerException {
        try {
            return PrivateKeys.generate(KeyType.EC_P256);
        } catch (CertBenchCryptoException e) {
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Files_accountKey, keyFile(name),
                    e.getMessage()), e);
        }
    }

    /** Writes the key of an account the CA registered (0600), unless the issuer keeps a key already. */
    void keepAccountKey(String name, KeyPair key) throws IssuerException {
        try {
            files.change(issuers -> {
                try {
                    issuers.read(name + ACCOUNT_KEY, MAX_FILE);
                } catch (NoSuchFileException e) {
                    issuers.write(name + ACCOUNT_KEY, PrivateKeys.toPem(key.getPrivate())
                            .getBytes(StandardCharsets.US_ASCII), PRIVATE_FILE, null, true);
                }
                return null;
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
        try (LinkSafeDirectory issuers = LinkSafeDirectory.open(directory)) {
            pem = issuers.read(name + ACCOUNT_KEY, MAX_FILE);
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
        try {
            return files.remove(name, CONFIG, ACCOUNT_KEY);
        } catch (IOException e) {
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Files_notWritten, directory,
                    e.getMessage()), e);
        }
    }

    private static void log(String what, Exception e) {
        System.getLogger(AcmeIssuerFiles.class.getName()).log(System.Logger.Level.WARNING,
                NLS.bind(Messages.Files_unreadable, what, e.getMessage()), e);
    }
}
