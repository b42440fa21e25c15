package org.certbench.truststore.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.certbench.core.AtomicFiles;
import org.certbench.core.AuditLog;
import org.certbench.core.StateDirectory;
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
 * Immediate: the expiry check runs at start and then every interval, workbench or shell.
 */
@Component(service = TrustStore.class, immediate = true)
public final class FileTrustStore implements TrustStore {

    private final CaDirectory directory;
    private final ExpiryCheck expiry;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private static final System.Logger LOG = System.getLogger(FileTrustStore.class.getName());
    private static final String IMPORT = "ca.import"; //$NON-NLS-1$
    private static final String DELETE = "ca.delete"; //$NON-NLS-1$

    private final AuditLog audit;
    private volatile List<CaEntry> snapshot = List.of();
    private volatile Map<String, CaEntry> byId = Map.of();

    @Activate
    public FileTrustStore(@Reference SystemMessages messages) throws IOException {
        this(StateDirectory.area("truststore"), //$NON-NLS-1$
                TrustStoreSettings.load(StateDirectory.root().resolve("truststore.properties")), messages, //$NON-NLS-1$
                Clock.systemUTC(), true);
    }

    FileTrustStore(Path storeDirectory, TrustStoreSettings settings, SystemMessages messages, Clock clock,
            boolean scheduled) throws IOException {
        this.directory = new CaDirectory(storeDirectory);
        this.clock = clock;
        this.audit = new AuditLog(storeDirectory.toAbsolutePath().getParent().resolve(AuditLog.DIRECTORY), null, clock);
        this.expiry = new ExpiryCheck(messages, settings.warningDays(), clock);
        settings.problems().forEach(problem -> messages.post(Severity.WARNING, Messages.Source, problem, null));
        replace(directory.scan().entries());
        if (scheduled) {
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "CertBench CA expiry check"); //$NON-NLS-1$
                thread.setDaemon(true);
                return thread;
            });
            long interval = settings.checkInterval().toMillis();
            scheduler.scheduleAtFixedRate(this::scheduledExpiryCheck, 0, interval, TimeUnit.MILLISECONDS);
        } else {
            scheduler = null;
        }
    }

    @Deactivate
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public CaCheck check(Path file) throws CertBenchCryptoException {
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
        CaCheck check = check(file);
        if (!check.accepted()) {
            TrustStoreException refused = new TrustStoreException(NLS.bind(Messages.Check_refused, file.getFileName(),
                    String.join("; ", check.problems()))); //$NON-NLS-1$
            audit.failed(IMPORT, check.certificate().subject(), null, refused.getMessage());
            throw refused;
        }
        synchronized (this) {
            CaEntry existing = byId.get(CaIds.of(check.certificate()));
            if (existing != null) {
                return new ImportResult(existing, true, check.warnings(), check.notices());
            }
            CaEntry entry;
            try {
                entry = directory.write(check.certificate());
            } catch (IOException e) {
                audit.failed(IMPORT, check.certificate().subject(), null, e.getMessage());
                throw new TrustStoreException(NLS.bind(Messages.Store_cannotWrite, directory.path(), e.getMessage()), e);
            }
            audit.succeeded(IMPORT, entry.certificate().subject(), null, entry.certificate().sha256Fingerprint());
            Map<String, CaEntry> next = new LinkedHashMap<>(byId);
            next.put(entry.id(), entry);
            replace(next);
            return new ImportResult(entry, false, check.warnings(), check.notices());
        }
    }

    @Override
    public List<CaEntry> list() {
        return snapshot;
    }

    @Override
    public CaEntry get(String id) throws TrustStoreException {
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
        synchronized (this) {
            CaEntry entry = get(id);
            try {
                directory.delete(entry);
            } catch (IOException e) {
                audit.failed(DELETE, entry.certificate().subject(), entry.certificate().sha256Fingerprint(),
                        e.getMessage());
                throw new TrustStoreException(
                        NLS.bind(Messages.Store_cannotDelete, directory.path().resolve(entry.fileName()), e.getMessage()),
                        e);
            }
            audit.succeeded(DELETE, entry.certificate().subject(), entry.certificate().sha256Fingerprint(), null);
            Map<String, CaEntry> next = new LinkedHashMap<>(byId);
            next.remove(entry.id());
            replace(next);
            return entry;
        }
    }

    @Override
    public ReloadResult reload() throws TrustStoreException {
        ReloadResult result;
        synchronized (this) {
            CaDirectory.Scan scan;
            try {
                scan = directory.scan();
            } catch (IOException e) {
                throw new TrustStoreException(NLS.bind(Messages.Store_cannotRead, directory.path(), e.getMessage()), e);
            }
            int added = (int) scan.entries().keySet().stream().filter(id -> !byId.containsKey(id)).count();
            int removed = (int) byId.keySet().stream().filter(id -> !scan.entries().containsKey(id)).count();
            replace(scan.entries());
            result = new ReloadResult(scan.entries().size(), added, removed, scan.unreadable());
        }
        checkExpiry();
        return result;
    }

    @Override
    public int checkExpiry() {
        return expiry.run(snapshot);
    }

    /**
     * A run that throws (a message that cannot be written: disk full) is logged and the next run tries again: a
     * {@code ScheduledExecutorService} silently cancels a schedule for good once one run throws.
     */
    void scheduledExpiryCheck() {
        try {
            checkExpiry();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, NLS.bind(Messages.Expiry_runFailed, String.valueOf(e.getMessage())), e);
        }
    }

    private Certificate issuerOf(Certificate certificate) {
        for (CaEntry entry : snapshot) {
            if (entry.certificate().subject().equals(certificate.issuer()) && certificate.isSignedBy(entry.certificate())) {
                return entry.certificate();
            }
        }
        return null;
    }

    private void replace(Map<String, CaEntry> entries) {
        List<CaEntry> sorted = new ArrayList<>(entries.values());
        sorted.sort(CaDirectory.byCommonName());
        byId = Map.copyOf(new HashMap<>(entries));
        snapshot = List.copyOf(sorted);
    }
}
