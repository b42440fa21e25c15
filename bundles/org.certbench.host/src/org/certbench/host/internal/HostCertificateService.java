package org.certbench.host.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.certbench.core.AuditLog;
import org.certbench.core.BackgroundStart;
import org.certbench.core.HomeLock;
import org.certbench.core.ConfigurationOwners;
import org.certbench.core.StateDirectory;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.PrivateKeys;
import org.certbench.crypto.SelfSignedCertificates;
import org.certbench.host.ApplyResult;
import org.certbench.host.CertificateSigner;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.HostCertificates;
import org.certbench.host.RenewalMonitor;
import org.certbench.host.RenewalOptions;
import org.certbench.host.ServerCredentials;
import org.certbench.host.ServiceTarget;
import org.certbench.host.TargetSetting;
import org.certbench.host.TargetSettings;
import org.certbench.host.TargetStatus;
import org.certbench.host.TargetSummary;
import org.certbench.host.UploadCheck;
import org.certbench.messages.SystemMessages;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The host certificates over every {@link ServiceTarget} registered, built-in or from a plug-in; a target that
 * comes later is picked up without restart. Started by each application once it is up ({@code
 * certbench.start=background}: the shell before its command, the workbench a second after its window shows), so
 * that at start each target is checked once (in the
 * background, activation stays fast) and a target serving a certificate that does not cover this host gets the
 * first seed's recommendation to Generate. Operations on one target run one at a time.
 */
@Component(service = HostCertificates.class, property = BackgroundStart.PROPERTY)
public final class HostCertificateService implements HostCertificates {

    static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(150);
    private static final String GENERATE = "host.generate"; //$NON-NLS-1$
    private static final String UPLOAD = "host.upload"; //$NON-NLS-1$
    private static final String RENEW = "host.renew"; //$NON-NLS-1$
    private static final String CONFIGURE = "settings.host"; //$NON-NLS-1$

    private final Map<String, ServiceTarget> targets = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Path settingsDirectory;
    private final SettingsFiles settingsFiles;
    private final HomeLock settingsLock;
    private final GenerateRecommendation recommendation;
    private final Supplier<HostIdentity> hostIdentity;
    private final Clock clock;
    private final Applier applier;
    private final AuditLog audit;
    private final ExecutorService startChecks;

    @Activate
    public HostCertificateService(@Reference SystemMessages messages) {
        this(StateDirectory.area("host"), messages, HostIdentity::detect, Clock.systemUTC(), CONFIRM_TIMEOUT, true); //$NON-NLS-1$
    }

    /**
     * @param checkAtStart whether each target added is checked for the recommendation in the background
     */
    HostCertificateService(Path settingsDirectory, SystemMessages messages, Supplier<HostIdentity> hostIdentity,
            Clock clock, Duration confirmTimeout, boolean checkAtStart) {
        this.settingsDirectory = settingsDirectory;
        this.settingsFiles = new SettingsFiles(settingsDirectory);
        this.settingsLock = new HomeLock(settingsDirectory.toAbsolutePath().resolve("settings.lock")); //$NON-NLS-1$
        this.recommendation = new GenerateRecommendation(messages);
        this.hostIdentity = hostIdentity;
        this.clock = clock;
        this.applier = new Applier(confirmTimeout, POLL_INTERVAL);
        this.audit = new AuditLog(settingsDirectory.toAbsolutePath().getParent().resolve(AuditLog.DIRECTORY), null,
                clock);
        this.startChecks = checkAtStart ? Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "CertBench host certificate check"); //$NON-NLS-1$
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTarget(ServiceTarget target) {
        targets.put(target.id(), target);
        if (startChecks != null) {
            startChecks.execute(() -> recommendIfNeeded(target));
        }
    }

    void removeTarget(ServiceTarget target) {
        targets.remove(target.id(), target);
    }

    @Deactivate
    public void stop() {
        if (startChecks != null) {
            startChecks.shutdownNow();
        }
    }

    /** @return whether the target needs a new certificate (see {@link GenerateRecommendation}) */
    boolean recommendIfNeeded(ServiceTarget target) {
        try {
            TargetSettings settings = settingsFiles.read(target.id());
            return missingRequired(target, settings).isEmpty()
                    && recommendation.check(target, settings, hostIdentity.get());
        } catch (HostCertificateException unreadableSettings) {
            // show() reports it when the administrator looks; a start-up check has nobody to tell
            return false;
        }
    }

    @Override
    public List<TargetSummary> targets() {
        List<TargetSummary> summaries = new ArrayList<>();
        for (ServiceTarget target : targets.values()) {
            boolean configured;
            try {
                configured = missingRequired(target, settingsFiles.read(target.id())).isEmpty();
            } catch (HostCertificateException unreadable) {
                configured = false;
            }
            summaries.add(new TargetSummary(target.id(), target.displayName(), configured, target.settings()));
        }
        summaries.sort(Comparator.comparing(TargetSummary::displayName, String.CASE_INSENSITIVE_ORDER));
        return summaries;
    }

    @Override
    public HostIdentity host() {
        return hostIdentity.get();
    }

    @Override
    public TargetStatus show(String targetId) throws HostCertificateException {
        ServiceTarget target = target(targetId);
        TargetSettings settings = settingsFiles.read(target.id());
        HostIdentity host = hostIdentity.get();
        List<Certificate> served = List.of();
        String problem = null;
        List<String> warnings = List.of();
        try {
            served = target.current(settings);
            warnings = served.isEmpty() ? List.of(NLS.bind(Messages.Warning_noTls, target.displayName()))
                    : CertificateWarnings.served(served.get(0), host, clock.instant());
        } catch (HostCertificateException e) {
            problem = e.getMessage();
        }
        return new TargetStatus(target.id(), target.displayName(), settings, target.settings(),
                missingRequired(target, settings).isEmpty(), served, problem, warnings, host);
    }

    @Override
    public TargetSettings settings(String targetId) throws HostCertificateException {
        ServiceTarget target = target(targetId);
        synchronized (lock(target)) {
            return settingsFiles.read(target.id());
        }
    }

    @Override
    public TargetSettings configure(String targetId, Map<String, String> changes) throws HostCertificateException {
        ServiceTarget target = target(targetId);
        List<String> known = target.settings().stream().map(TargetSetting::key).toList();
        List<String> unknown = changes.keySet().stream().filter(key -> !known.contains(key)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new HostCertificateException(Reason.UNKNOWN_SETTING, NLS.bind(Messages.Configure_unknownKeys,
                    new Object[] { String.join(", ", unknown), target.displayName(), String.join(", ", known) })); //$NON-NLS-1$ //$NON-NLS-2$
        }
        synchronized (lock(target)) {
            try {
                // a shell configuring beside the workbench: each changes the file as it is on disk, under one lock
                return settingsLock.call(() -> configureLocked(target, changes));
            } catch (IOException e) {
                throw new HostCertificateException(Reason.SETTINGS_UNAVAILABLE, NLS.bind(Messages.Settings_cannotLock,
                        new Object[] { settingsDirectory.resolve(target.id() + ".properties"), settingsLock.path(), //$NON-NLS-1$
                                e.getMessage() }), e);
            }
        }
    }

    private TargetSettings configureLocked(ServiceTarget target, Map<String, String> changes)
            throws HostCertificateException {
        Map<String, String> values = new HashMap<>(settingsFiles.read(target.id()).values());
        String before = new TreeMap<>(values).toString();
        changes.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                values.remove(key);
            } else {
                values.put(key, value.strip());
            }
        });
        TargetSettings written;
        try {
            written = settingsFiles.write(target.id(), values);
        } catch (HostCertificateException e) {
            audit.failed(CONFIGURE, target.id(), before, e.getMessage());
            throw e;
        }
        audit.succeeded(CONFIGURE, target.id(), before, new TreeMap<>(values).toString());
        return written;
    }

    @Override
    public ApplyResult generate(String targetId) throws HostCertificateException {
        return generate(targetId, RenewalMonitor.NONE);
    }

    @Override
    public ApplyResult generate(String targetId, RenewalMonitor monitor) throws HostCertificateException {
        ServiceTarget target = target(targetId);
        requireNotCanceled(target, monitor, GENERATE);
        monitor.subTask(NLS.bind(Messages.Apply_generating, hostIdentity.get().fqdn()));
        ServerCredentials credentials;
        try {
            KeyPair keyPair = PrivateKeys.generate(KeyType.DEFAULT);
            credentials = new ServerCredentials(SelfSignedCertificates.create(hostIdentity.get(), keyPair, clock),
                    List.of(), keyPair);
        } catch (CertBenchCryptoException e) {
            throw new HostCertificateException(Reason.GENERATION_FAILED, e.getMessage(), e);
        }
        return apply(target, credentials, List.of(), GENERATE, monitor);
    }

    @Override
    public UploadCheck check(Path certificateFile, Path keyFile) {
        return UploadChecker.check(certificateFile, keyFile, hostIdentity.get(), clock.instant());
    }

    @Override
    public ApplyResult upload(String targetId, Path certificateFile, Path keyFile) throws HostCertificateException {
        return upload(targetId, certificateFile, keyFile, RenewalMonitor.NONE);
    }

    @Override
    public ApplyResult upload(String targetId, Path certificateFile, Path keyFile, RenewalMonitor monitor)
            throws HostCertificateException {
        ServiceTarget target = target(targetId);
        requireNotCanceled(target, monitor, UPLOAD);
        monitor.subTask(Messages.Apply_checkingFiles);
        UploadCheck check = check(certificateFile, keyFile);
        if (!check.accepted()) {
            HostCertificateException refused = new HostCertificateException(Reason.REFUSED,
                    String.join(" ", check.problems())); //$NON-NLS-1$
            audit.failed(UPLOAD, target.id(), null, refused.getMessage());
            throw refused;
        }
        return apply(target, check.credentials(), check.warnings(), UPLOAD, monitor);
    }

    private void requireNotCanceled(ServiceTarget target, RenewalMonitor monitor, String action)
            throws HostCertificateException {
        if (monitor.isCanceled()) {
            String nothingDone = NLS.bind(Messages.Apply_canceledBeforeWrite, target.displayName());
            audit.failed(action, target.id(), null, nothingDone);
            throw new HostCertificateException(Reason.CANCELED, nothingDone);
        }
    }

    @Override
    public ApplyResult renew(String targetId, RenewalOptions options, CertificateSigner signer,
            RenewalMonitor monitor) throws HostCertificateException {
        ServiceTarget target = target(targetId);
        ServerCredentials credentials;
        try {
            TargetSettings settings = settingsFiles.read(target.id());
            credentials = SignedRenewal.credentials(target, settings, hostIdentity.get(), options, signer, monitor,
                    clock);
        } catch (HostCertificateException failed) {
            audit.failed(RENEW, target.id(), null, failed.getMessage());
            throw failed;
        }
        return apply(target, credentials, List.of(), RENEW, monitor);
    }

    /** Applies with exactly the credentials given, checked or not: tests use it to feed a service a bad pair. */
    ApplyResult apply(ServiceTarget target, ServerCredentials credentials, List<String> warnings)
            throws HostCertificateException {
        return apply(target, credentials, warnings, UPLOAD, RenewalMonitor.NONE);
    }

    /**
     * As {@link #apply(ServiceTarget, ServerCredentials, List)}, audited as {@code action}; a Cancel that came after
     * the reload is said among the result's warnings.
     */
    private ApplyResult apply(ServiceTarget target, ServerCredentials credentials, List<String> warnings,
            String action, RenewalMonitor monitor) throws HostCertificateException {
        synchronized (lock(target)) {
            TargetSettings settings;
            try {
                settings = settingsFiles.read(target.id());
                List<String> missing = missingRequired(target, settings);
                if (!missing.isEmpty()) {
                    throw new HostCertificateException(Reason.NOT_CONFIGURED, NLS.bind(Messages.Apply_notConfigured,
                            new Object[] { target.displayName(), String.join(", ", missing), target.id() })); //$NON-NLS-1$
                }
                requireSafeConfiguration(target, settings);
            } catch (HostCertificateException refused) {
                audit.failed(action, target.id(), null, refused.getMessage());
                throw refused;
            }
            List<Certificate> served = applier.apply(target, settings, credentials, audit, action, monitor);
            List<String> said = warnings;
            if (monitor.isCanceled()) {
                said = new ArrayList<>(warnings);
                said.add(NLS.bind(Messages.Apply_canceledTooLate, target.displayName()));
            }
            return new ApplyResult(target.id(), credentials.certificate(), served, said);
        }
    }

    /**
     * Applying runs the target's reload command (as root, to install into a service's directory): the home,
     * {@code host/} and the target's settings file must be this user's or root's and writable by no one else.
     */
    private void requireSafeConfiguration(ServiceTarget target, TargetSettings settings)
            throws HostCertificateException {
        Path directory = settingsDirectory.toAbsolutePath();
        try {
            ConfigurationOwners.requireSafe(List.of(directory.getParent(), directory, settings.file()));
        } catch (IOException e) {
            throw new HostCertificateException(Reason.UNSAFE_CONFIGURATION,
                    NLS.bind(Messages.Apply_unsafeConfiguration, target.displayName(), e.getMessage()), e);
        }
    }

    ServiceTarget target(String targetId) throws HostCertificateException {
        ServiceTarget target = targetId == null ? null : targets.get(targetId.strip());
        if (target == null) {
            List<String> ids = targets.keySet().stream().sorted().toList();
            throw new HostCertificateException(Reason.UNKNOWN_TARGET,
                    NLS.bind(Messages.Target_unknown, targetId, String.join(", ", ids))); //$NON-NLS-1$
        }
        return target;
    }

    private Object lock(ServiceTarget target) {
        return locks.computeIfAbsent(target.id(), id -> new Object());
    }

    private static List<String> missingRequired(ServiceTarget target, TargetSettings settings) {
        return target.settings().stream().filter(TargetSetting::required)
                .filter(setting -> settings.value(setting.key()).isEmpty()).map(TargetSetting::key).toList();
    }
}
