package org.certbench.truststore.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certbench.core.AtomicFiles;
import org.certbench.core.AuditLog;
import org.certbench.core.ChangeListeners;
import org.certbench.core.FailureLog;
import org.certbench.core.FileStamp;
import org.certbench.core.FileWatch;
import org.certbench.core.HomeLock;
import org.certbench.core.StateDirectory;
import org.certbench.core.TextBundle;
import org.certbench.crypto.CaImportCheck;
import org.certbench.crypto.CaImportRules;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateReadResult;
import org.certbench.crypto.Certificates;
import org.certbench.crypto.CryptoProblem;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessages;
import org.certbench.truststore.CaCheck;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.ExportFormat;
import org.certbench.truststore.ImportResult;
import org.certbench.truststore.ReloadMonitor;
import org.certbench.truststore.ReloadResult;
import org.certbench.truststore.TrustStore;
import org.certbench.truststore.TrustStoreException;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The trust store in {@code <home>/truststore/}. Readers get an immutable snapshot; every change replaces it,
 * so {@link #list()} returns the same list instance until the store changes (OutboundTls caches by it).
 * Immediate, so that its change listeners (among them the expiry service's check of CA certificates, which
 * {@code org.certbench.expiry} owns) hear of every reload, workbench or shell.
 * <p>
 * The workbench and a shell share the directory: a change is made under the home's lock on the store
 * ({@code truststore.lock}) to the files as they are on disk, and what another process changed is read again
 * (the directory's stamp says whether anything was added or removed; then only files whose stamp differs are
 * parsed), when this process reads or changes the store and, in the workbench, every two seconds, so its
 * listeners learn of a CA a shell imported or deleted.
 */
@Component(service = TrustStore.class, immediate = true)
public final class FileTrustStore implements TrustStore {

    private final CaDirectory directory;
    private final Clock clock;
    private static final System.Logger LOG = System.getLogger(FileTrustStore.class.getName());
    /** A directory that stays unreadable is logged once, not at every read of a view and every look of the watch. */
    private final FailureLog readFailures = new FailureLog(LOG);
    private static final String IMPORT = "ca.import"; //$NON-NLS-1$
    private static final String DELETE = "ca.delete"; //$NON-NLS-1$

    private final AuditLog audit;
    private final HomeLock lock;
    private final ChangeListeners listeners = new ChangeListeners(LOG);
    private FileWatch watch;
    private volatile List<CaEntry> snapshot = List.of();
    private volatile Map<String, CaEntry> byId = Map.of();
    /** The certificate files as this process last read or wrote them, and the directory's stamp then. */
    private Map<String, CaDirectory.Stored> files = Map.of();
    private FileStamp knownDirectory = FileStamp.ABSENT;
    private boolean racy = true;

    @Activate
    public FileTrustStore(@Reference SystemMessages messages) throws IOException {
        this(StateDirectory.area("truststore"), //$NON-NLS-1$
                TrustStoreSettings.load(StateDirectory.root().resolve("truststore.properties")), messages, //$NON-NLS-1$
                Clock.systemUTC());
        watch(FileWatch.DEFAULT_PERIOD);
    }

    FileTrustStore(Path storeDirectory, TrustStoreSettings settings, SystemMessages messages, Clock clock)
            throws IOException {
        this.directory = new CaDirectory(storeDirectory);
        this.lock = new HomeLock(storeDirectory.toAbsolutePath().resolveSibling("truststore.lock")); //$NON-NLS-1$
        this.clock = clock;
        this.audit = new AuditLog(storeDirectory.toAbsolutePath().getParent().resolve(AuditLog.DIRECTORY), null, clock);
        settings.problems().forEach(problem -> messages.post(Severity.WARNING, Messages.Source, problem, null));
        synchronized (this) {
            readIfChanged();
        }
    }

    /** Looks every {@code period} for what another process changed, and tells the listeners. */
    void watch(Duration period) {
        watch = FileWatch.every(period, directory.path(), () -> {
            boolean changed;
            synchronized (this) {
                // its failure is logged like a reader's: once until it changes or ends
                changed = readIfChangedOrKeep();
            }
            if (changed) {
                announce();
            }
        });
    }

    @Deactivate
    public void stop() {
        if (watch != null) {
            watch.close();
        }
    }

    @Override
    public void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeChangeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public CaCheck check(Path file) throws CertBenchCryptoException {
        catchUp();
        return checkAsKnown(file);
    }

    /** The check against the list as this process holds it now. */
    private CaCheck checkAsKnown(Path file) throws CertBenchCryptoException {
        CertificateReadResult read = Certificates.readUpload(file);
        Certificate certificate = read.certificate();
        CaImportCheck rules = CaImportRules.check(certificate, clock.instant());
        List<String> warnings = new ArrayList<>(rules.warnings().stream().map(CryptoProblem::message).toList());
        if (!certificate.isSelfSigned() && issuerOf(certificate) == null) {
            warnings.add(NLS.bind(Messages.Check_chainIncomplete, certificate.summary().issuerCommonName()));
        }
        String id = CaIds.of(certificate);
        return new CaCheck(certificate, rules.problems().stream().map(CryptoProblem::message).toList(), warnings,
                read.notices(), byId.containsKey(id) ? id : null);
    }

    @Override
    public ImportResult importCertificate(Path file) throws CertBenchCryptoException, TrustStoreException {
        CaCheck check;
        try {
            // the list is brought up to date under the lock below, where it counts (is the CA there already?);
            // the chain warning uses the list as last looked at, at most one watch period old
            check = checkAsKnown(file);
        } catch (CertBenchCryptoException e) {
            // no certificate to name: the entry names the file
            audit.failed(IMPORT, file.toAbsolutePath().toString(), null, e.getMessage());
            throw e;
        }
        if (!check.accepted()) {
            TrustStoreException refused = new TrustStoreException(NLS.bind(Messages.Check_refused, file.getFileName(),
                    String.join("; ", check.problems()))); //$NON-NLS-1$
            audit.failed(IMPORT, check.certificate().subject(), null, refused.getMessage());
            throw refused;
        }
        // the home's lock first, this object's monitor inside it: while a shell holds the lock, readers and the
        // watch (which take the monitor) go on with what this process holds
        ImportResult result = locked(() -> {
            synchronized (this) {
                readForChange();
                CaEntry existing = byId.get(CaIds.of(check.certificate()));
                if (existing != null) {
                    return new ImportResult(existing, true, check.warnings(), check.notices());
                }
                CaEntry entry;
                try {
                    entry = directory.write(check.certificate());
                } catch (IOException e) {
                    audit.failed(IMPORT, check.certificate().subject(), null, e.getMessage());
                    throw new TrustStoreException(NLS.bind(Messages.Store_cannotWrite, directory.path(),
                            e.getMessage()), e);
                }
                audit.succeeded(IMPORT, entry.certificate().subject(), null, entry.certificate().sha256Fingerprint());
                rememberOwnChange(() -> directory.written(files, entry));
                return new ImportResult(entry, false, check.warnings(), check.notices());
            }
        });
        if (!result.alreadyPresent()) {
            announce();
        }
        return result;
    }

    @Override
    public List<CaEntry> list() {
        catchUp();
        return snapshot;
    }

    @Override
    public CaEntry get(String id) throws TrustStoreException {
        catchUp();
        return find(id);
    }

    private CaEntry find(String id) throws TrustStoreException {
        if (id == null || id.isBlank()) {
            throw new TrustStoreException(Messages.Id_missing);
        }
        String prefix = CaIds.prefix(id).orElse(null);
        if (prefix == null) {
            throw new TrustStoreException(NLS.bind(Messages.Id_unknown, id.strip()));
        }
        CaEntry exact = byId.get(prefix);
        if (exact != null) {
            return exact;
        }
        List<CaEntry> matches = snapshot.stream().filter(entry -> entry.id().startsWith(prefix)).toList();
        if (matches.isEmpty()) {
            throw new TrustStoreException(NLS.bind(Messages.Id_unknown, id.strip()));
        }
        if (matches.size() > 1) {
            throw new TrustStoreException(NLS.bind(Messages.Id_ambiguous, matches.size(), id.strip()));
        }
        return matches.get(0);
    }

    @Override
    public byte[] export(String id, ExportFormat format) throws TrustStoreException {
        Certificate certificate = get(id).certificate();
        return format == ExportFormat.DER ? certificate.der()
                : certificate.pem().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    public CaEntry exportTo(String id, ExportFormat format, Path file) throws TrustStoreException {
        CaEntry entry = get(id);
        try {
            AtomicFiles.write(file.toAbsolutePath(), export(entry.id(), format));
        } catch (IOException e) {
            throw new TrustStoreException(NLS.bind(Messages.Export_cannotWrite, file, e.getMessage()), e);
        }
        return entry;
    }

    @Override
    public CaEntry delete(String id) throws TrustStoreException {
        CaEntry deleted = locked(() -> {
            synchronized (this) {
                readForChange();
                CaEntry entry = find(id);
                try {
                    directory.delete(entry);
                } catch (IOException e) {
                    audit.failed(DELETE, entry.certificate().subject(), entry.certificate().sha256Fingerprint(),
                            e.getMessage());
                    throw new TrustStoreException(NLS.bind(Messages.Store_cannotDelete,
                            directory.path().resolve(entry.fileName()), e.getMessage()), e);
                }
                audit.succeeded(DELETE, entry.certificate().subject(), entry.certificate().sha256Fingerprint(), null);
                rememberOwnChange(() -> CaDirectory.deleted(files, entry));
                return entry;
            }
        });
        announce();
        return deleted;
    }

    @Override
    public ReloadResult reload() throws TrustStoreException {
        return reload(ReloadMonitor.NONE);
    }

    @Override
    public ReloadResult reload(ReloadMonitor monitor) throws TrustStoreException {
        ReloadResult result;
        synchronized (this) {
            Map<String, CaEntry> before = byId;
            requireNotCanceled(monitor, before.size());
            monitor.subTask(NLS.bind(Messages.Reload_reading, directory.path()));
            CaDirectory.Scan scan;
            Map<String, CaDirectory.Stored> read;
            FileStamp stamp;
            try {
                stamp = FileStamp.of(directory.path());
                read = directory.update(Map.of(), monitor::isCanceled);
                scan = CaDirectory.scan(read);
            } catch (IOException e) {
                throw new TrustStoreException(NLS.bind(Messages.Store_cannotRead, directory.path(), e.getMessage()), e);
            }
            // the point of no return: from here the list is replaced whole and the listeners are told
            requireNotCanceled(monitor, before.size());
            files = read;
            knownDirectory = stamp;
            racy = true;
            int added = (int) scan.entries().keySet().stream().filter(id -> !before.containsKey(id)).count();
            int removed = (int) before.keySet().stream().filter(id -> !scan.entries().containsKey(id)).count();
            replace(scan.entries());
            result = new ReloadResult(scan.entries().size(), added, removed, scan.unreadable());
        }
        monitor.subTask(Messages.Reload_telling);
        // the expiry service, one of the listeners, checks the CA certificates again
        announce();
        return result;
    }

    private static void requireNotCanceled(ReloadMonitor monitor, int held) throws TrustStoreException {
        if (monitor.isCanceled()) {
            throw new TrustStoreException(TextBundle.fill(Messages.Reload_canceled, held));
        }
    }

    /** @deprecated see {@link TrustStore#checkExpiry()} */
    @Deprecated
    @Override
    public int checkExpiry() {
        catchUp();
        announce();
        return 0;
    }

    private Certificate issuerOf(Certificate certificate) {
        for (CaEntry entry : snapshot) {
            if (entry.certificate().subject().equals(certificate.issuer()) && certificate.isSignedBy(entry.certificate())) {
                return entry.certificate();
            }
        }
        return null;
    }

    /** Runs a change under the home's lock on the store; a lock that cannot be taken fails in words. */
    private <T> T locked(HomeLock.Work<T, TrustStoreException> work) throws TrustStoreException {
        try {
            return lock.call(work);
        } catch (IOException e) {
            throw new TrustStoreException(NLS.bind(Messages.Store_cannotLock,
                    new Object[] { directory.path(), lock.path(), e.getMessage() }), e);
        }
    }

    /**
     * Reads again what another process added, removed or rewrote since this one last looked (one {@code stat}
     * when the directory's stamp is what it was). Called holding this object's monitor.
     *
     * @return whether the list changed
     */
    private boolean readIfChanged() throws IOException {
        FileStamp now = FileStamp.of(directory.path());
        if (now.equals(knownDirectory) && !racy) {
            return false;
        }
        Instant looked = Instant.now();
        Map<String, CaDirectory.Stored> next = directory.update(files);
        knownDirectory = now;
        racy = now.racyAt(looked);
        if (next.equals(files)) {
            return false;
        }
        files = next;
        replace(CaDirectory.scan(next).entries());
        return true;
    }

    private interface OwnChange {
        Map<String, CaDirectory.Stored> files() throws IOException;
    }

    /**
     * After this process's own change under the lock: the list updated in memory rather than by listing the
     * directory again (an import of a thousand CAs would list it a thousand times). The directory's stamp is taken
     * after the change; it is racy, so a file an administrator dropped meanwhile still shows at the next look.
     * Called holding this object's monitor.
     */
    private void rememberOwnChange(OwnChange change) {
        try {
            files = change.files();
            knownDirectory = FileStamp.of(directory.path());
            racy = true;
        } catch (IOException e) {
            knownDirectory = FileStamp.ABSENT; // listed again at the next look
        }
        replace(CaDirectory.scan(files).entries());
    }

    /** Before a change: what is on disk now, or the change is refused in words. */
    private void readForChange() throws TrustStoreException {
        try {
            readIfChanged();
        } catch (IOException e) {
            throw new TrustStoreException(NLS.bind(Messages.Store_cannotRead, directory.path(), e.getMessage()), e);
        }
    }

    /** For readers: what another process changed if it can be read, else what this one holds (why, in the log). */
    private boolean readIfChangedOrKeep() {
        try {
            boolean changed = readIfChanged();
            readFailures.succeeded(() -> NLS.bind(Messages.Store_readAgain, directory.path()));
            return changed;
        } catch (IOException e) {
            readFailures.failed(NLS.bind(Messages.Store_cannotRead, directory.path(), String.valueOf(e.getMessage())),
                    e);
            return false;
        }
    }

    private void catchUp() {
        boolean changed;
        synchronized (this) {
            changed = readIfChangedOrKeep();
        }
        if (changed) {
            announce();
        }
    }

    /** Outside this object's monitor: a listener may read the store again. */
    private void announce() {
        listeners.fire();
    }

    /** Only a JVM out of memory or broken is thrown on; any other failure of a run or listener is logged. */
    private static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
    }

    private void replace(Map<String, CaEntry> entries) {
        List<CaEntry> sorted = new ArrayList<>(entries.values());
        sorted.sort(CaDirectory.byCommonName());
        byId = Map.copyOf(new HashMap<>(entries));
        snapshot = List.copyOf(sorted);
    }
}
