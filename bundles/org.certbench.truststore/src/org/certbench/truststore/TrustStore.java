package org.certbench.truststore;

import java.nio.file.Path;
import java.util.List;

import org.certbench.crypto.CertBenchCryptoException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The CA certificates of this CertBench, one file each in {@code <home>/truststore/}, written atomically.
 * Thread-safe. Changes are visible to {@link OutboundTls} at once; changes another process made to the same home
 * are read again.
 */
@ProviderType
public interface TrustStore {

    /**
     * Reads a candidate file with the upload rules (extension {@code .pem}, {@code .crt} or {@code .der}, the
     * first certificate only) and checks it with the CA import rules; stores nothing.
     *
     * @throws CertBenchCryptoException if the file is not a certificate file at all (the message says why)
     */
    CaCheck check(Path file) throws CertBenchCryptoException;

    /**
     * Checks the file like {@link #check(Path)} and adds its certificate. A certificate already in the store
     * changes nothing ({@link ImportResult#alreadyPresent()}).
     *
     * @throws CertBenchCryptoException if the file is not a certificate file
     * @throws TrustStoreException      if the certificate is refused by the import rules, or cannot be stored
     */
    ImportResult importCertificate(Path file) throws CertBenchCryptoException, TrustStoreException;

    /** The CA certificates, sorted by Common Name. */
    List<CaEntry> list();

    /**
     * The certificate with this id (a unique prefix is enough; colons and case are ignored).
     *
     * @throws TrustStoreException if none or several match
     */
    CaEntry get(String id) throws TrustStoreException;

    /** The certificate's encoding in the given format. */
    byte[] export(String id, ExportFormat format) throws TrustStoreException;

    /**
     * Writes the certificate to {@code file} (atomically) in the given format.
     *
     * @return the exported certificate
     */
    CaEntry exportTo(String id, ExportFormat format, Path file) throws TrustStoreException;

    /** Removes the certificate; from then on it verifies nothing. */
    CaEntry delete(String id) throws TrustStoreException;

    /**
     * Re-reads the store directory and tells the change listeners, among them the expiry service
     * ({@code org.certbench.expiry}), which checks the CA certificates for expiry then, on its own thread (since 1.1;
     * it posts its messages before its bundle stops).
     */
    ReloadResult reload() throws TrustStoreException;

    /**
     * As {@link #reload()}, saying its steps to {@code monitor} and stopping when it is cancelled before the list is
     * replaced: the store then holds the list it held, and no listener is told.
     *
     * @param monitor progress and cancellation
     * @return what the reload found
     * @throws TrustStoreException when the directory cannot be read, or when cancelled (the message says that
     *                             nothing changed and how many certificates the store holds)
     * @since 1.3
     */
    ReloadResult reload(ReloadMonitor monitor) throws TrustStoreException;

    /**
     * Reads again what another process changed and tells the change listeners, among them the expiry service, which
     * posts the messages for expired and soon-expiring CA certificates.
     *
     * @return 0: the messages are the expiry service's, which counts them
     * @deprecated the expiry check of every kind of certificate is {@code org.certbench.expiry.ExpiryOverview}'s
     *             ({@code check()}); this method stays for callers of the 1.0 API
     */
    @Deprecated
    int checkExpiry();

    /**
     * Tells {@code listener}, on any thread, after the list changed: by this process, or by another one using the
     * same home (a {@code certbench-shell} command beside the workbench), seen within a few seconds.
     */
    void addChangeListener(Runnable listener);

    /**
     * Stops calling a listener added with {@link #addChangeListener(Runnable)}; an unknown one is ignored. Thread-safe.
     */
    void removeChangeListener(Runnable listener);
}
