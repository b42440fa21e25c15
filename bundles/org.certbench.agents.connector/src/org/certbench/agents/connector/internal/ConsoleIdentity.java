package org.certbench.agents.connector.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

import org.certbench.agents.connector.FleetException;
import org.certbench.core.AtomicFiles;
import org.certbench.core.HomeLock;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateKeyPair;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.KeyPurpose;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.PrivateKeys;
import org.certbench.crypto.SelfSignedCertificates;
import org.eclipse.osgi.util.NLS;

/**
 * This console's client key and certificate in {@code <home>/console/}: {@code console-key.pem} (0600) and
 * {@code console-certificate.pem}, made on first use. Agents accept the certificate by its fingerprint
 * only, so it is long-lived: a console whose certificate expired would still work, but an administrator
 * reading "expired" would worry for nothing.
 */
final class ConsoleIdentity {

    static final Duration VALIDITY = Duration.ofDays(3650);
    /** Taken while the identity is made, in the console directory (its content stays empty). */
    static final String LOCK = "console.lock"; //$NON-NLS-1$
    private static final char[] KEYSTORE_PASSWORD = "console".toCharArray(); //$NON-NLS-1$

    record Loaded(Certificate certificate, KeyManager[] keyManagers) {
    }

    private final Path directory;
    private final Clock clock;
    private volatile Loaded loaded;

    ConsoleIdentity(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    Path keyFile() {
        return directory.resolve("console-key.pem"); //$NON-NLS-1$
    }

    Path certificateFile() {
        return directory.resolve("console-certificate.pem"); //$NON-NLS-1$
    }

    Loaded get() throws FleetException {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                current = loaded;
                if (current == null) {
                    current = loadOrCreate();
                    loaded = current;
                }
            }
        }
        return current;
    }

    private Loaded loadOrCreate() throws FleetException {
        try {
            if (!Files.exists(keyFile()) || !Files.exists(certificateFile())) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))); //$NON-NLS-1$
                // the workbench and a shell starting together on a fresh home: the first makes the key, the other
                // finds it once it has the lock, so neither replaces the key the other already presents
                new HomeLock(directory.resolve(LOCK)).call(() -> {
                    createIfMissing();
                    return null;
                });
            }
            CertificateKeyPair pair = CertificateKeyPair.read(certificateFile(), keyFile());
            return new Loaded(pair.certificate(), keyManagers(pair));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) { // NOPMD I/O, crypto and key store failures all make the identity unusable, in words
            throw new FleetException(NLS.bind(Messages.Console_unusable, directory, e.getMessage()), e);
        }
    }

    private void createIfMissing() throws IOException, CertBenchCryptoException {
        if (!Files.exists(keyFile())) {
            create();
        } else if (!Files.exists(certificateFile())) {
            // a crash between writing the key and the certificate: certify the key that is there
            writeCertificate(PrivateKeys.read(keyFile()));
        }
    }

    private void create() throws IOException, CertBenchCryptoException {
        KeyPair keyPair = PrivateKeys.generate(KeyType.DEFAULT);
        AtomicFiles.write(keyFile(), PrivateKeys.toPem(keyPair.getPrivate()).getBytes(StandardCharsets.US_ASCII),
                AtomicFiles.OWNER_ONLY);
        writeCertificate(keyPair);
    }

    private void writeCertificate(KeyPair keyPair) throws IOException, CertBenchCryptoException {
        HostIdentity host = HostIdentity.detect();
        // the console's name only: its addresses say nothing to an agent, which accepts it by fingerprint
        Certificate certificate = SelfSignedCertificates.create(
                new HostIdentity(host.hostname(), host.fqdn(), List.of()), keyPair,
                clock.instant().minus(Duration.ofMinutes(5)), VALIDITY, EnumSet.of(KeyPurpose.CLIENT_AUTH));
        AtomicFiles.write(certificateFile(), certificate.pem().getBytes(StandardCharsets.US_ASCII));
    }

    private static KeyManager[] keyManagers(CertificateKeyPair pair)
            throws GeneralSecurityException, IOException, CertBenchCryptoException {
        KeyStore store = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
        store.load(null, null);
        store.setKeyEntry("console", pair.keyPair().getPrivate(), KEYSTORE_PASSWORD, //$NON-NLS-1$
                new X509Certificate[] { pair.certificate().toX509Certificate() });
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, KEYSTORE_PASSWORD);
        return factory.getKeyManagers();
    }
}
