package org.certbench.expiry.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.SeenCertificate;
import org.certbench.core.BackgroundStart;
import org.certbench.core.FileWatch;
import org.certbench.core.StateDirectory;
import org.certbench.expiry.CheckResult;
import org.certbench.expiry.ExpiryContributor;
import org.certbench.expiry.ExpiryException;
import org.certbench.expiry.ExpiryList;
import org.certbench.expiry.ExpiryOverview;
import org.certbench.expiry.ExpiryWarning;
import org.certbench.expiry.RenewalCoverage;
import org.certbench.host.HostCertificates;
import org.certbench.messages.SystemMessages;
import org.certbench.truststore.TrustStore;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The expiry overview and its check. Immediate, so that every change of the trust store (an import, a
 * {@code ca:reload}, a change another process made) runs the check of CA certificates, in the workbench and in a
 * one-shot shell alike, and the whole check runs every interval ({@code PT24H}; the system property
 * {@code certbench.expiry.checkInterval} sets another, for tests). It starts cheaply: the host service and the fleet
 * are only asked for when rows or a whole check are wanted (they may load 10,000 agents), and the start runs the CA
 * check on its own thread. Delayed, marked {@code certbench.start=background}: each application starts it once it is
 * up (the shell before its command, the workbench a second after its window shows, which needs none of it).
 */
@Component(service = { ExpiryOverview.class, CertificateMetrics.class }, property = BackgroundStart.PROPERTY)
public final class ExpiryService implements ExpiryOverview, CertificateMetrics {

    static final String INTERVAL_PROPERTY = "certbench.expiry.checkInterval"; //$NON-NLS-1$
    private static final System.Logger LOG = System.getLogger(ExpiryService.class.getName());

    private final TrustStore trustStore;
    private final Thresholds thresholds;
    private final LastWholeCheck lastWholeCheck;
    private final LastWholeCheck lastRefresh;
    private final StagedWarnings warnings;
    private final Sources sources;
    private final Supplier<AgentFleet> fleet;
    private final Clock clock;
    private final List<ExpiryContributor> contributors = new CopyOnWriteArrayList<>();
    private final List<RenewalCoverage> coverages = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Runnable trustStoreChanged = this::trustStoreChanged;
    private final Runnable fleetChanged = this::announce;
    private static final long DRAIN_SECONDS = 5;

    private volatile ScheduledExecutorService scheduler;
    private FileWatch watch;
    private AgentFleet watchedFleet;

    @Activate
    public ExpiryService(@Reference TrustStore trustStore, @Reference SystemMessages messages,
            @Reference ComponentServiceObjects<HostCertificates> host,
            @Reference ComponentServiceObjects<AgentFleet> fleet) {
        this(StateDirectory.area("expiry"), legacyCaDays(StateDirectory.root().resolve("truststore.properties")), //$NON-NLS-1$ //$NON-NLS-2$
                trustStore, messages, lazily(host), lazily(fleet), Clock.systemUTC());
        start(interval());
    }

    ExpiryService(Path directory, String legacyCaDays, TrustStore trustStore, SystemMessages messages,
            Supplier<HostCertificates> host, Supplier<AgentFleet> fleet, Clock clock) {
        this.trustStore = trustStore;
        this.thresholds = new Thresholds(directory, legacyCaDays);
        this.lastWholeCheck = new LastWholeCheck(directory);
        this.lastRefresh = new LastWholeCheck(directory, "last-refresh"); //$NON-NLS-1$
        this.warnings = new StagedWarnings(messages, thresholds::of, coverages, directory);
        this.fleet = fleet;
        this.sources = new Sources(trustStore, host, fleet, () -> contributors, new LastServed(directory));
        this.clock = clock;
        trustStore.addChangeListener(trustStoreChanged);
    }

    /** The CA check now (on its own thread), the whole check every {@code interval}, and a watch of the thresholds. */
    void start(Duration interval) {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "CertBench expiry check"); //$NON-NLS-1$
            thread.setDaemon(true);
            return thread;
        });
        scheduler.execute(() -> logFailure(this::checkCas));
        long millis = interval.toMillis();
        // from the last whole check on this home, not from this start: a workbench closed every evening checks too;
        // the record is read on the service's thread, the start itself reads nothing
        ScheduledExecutorService executor = scheduler;
        executor.execute(() -> {
            long first = millis;
            try {
                first = lastWholeCheck.untilDue(clock.instant(), interval).toMillis();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, String.valueOf(e.getMessage()), e);
            }
            try {
                executor.scheduleAtFixedRate(() -> logFailure(() -> checkIfDue(interval)), first, millis,
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // stopped before the schedule was set: nothing to schedule
            }
        });
        watch = FileWatch.every(FileWatch.DEFAULT_PERIOD, thresholds.file().getParent(), () -> {
            if (thresholds.refresh()) {
                announce();
            }
        });
    }

    @Deactivate
    public void stop() {
        trustStore.removeChangeListener(trustStoreChanged);
        synchronized (this) {
            if (watchedFleet != null) {
                watchedFleet.removeChangeListener(fleetChanged);
                watchedFleet.removeSeenListener(fleetChanged);
            }
        }
        if (scheduler != null) {
            // a CA check a reload asked for (ca:reload in a one-shot shell, whose process ends now) still posts its
            // messages; the schedule itself is cancelled by shutdown, a long whole check interrupted after the bound
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (watch != null) {
            watch.close();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContributor(ExpiryContributor contributor) {
        contributors.add(contributor);
        announce();
    }

    void removeContributor(ExpiryContributor contributor) {
        contributors.remove(contributor);
        announce();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCoverage(RenewalCoverage coverage) {
        coverages.add(coverage);
    }

    void removeCoverage(RenewalCoverage coverage) {
        coverages.remove(coverage);
    }

    @Override
    public ExpiryList rows() {
        listenToFleet();
        Instant now = clock.instant();
        Sources.Read read = sources.all(now, false);
        return new ExpiryList(now, read.rows(), read.problems());
    }

    @Override
    public CheckResult check() {
        List<String> problems = new ArrayList<>();
        AgentFleet agents = fleet.get();
        if (agents != null) {
            try {
                Instant started = clock.instant();
                List<String> names = agents.list().stream().map(AgentEntry::name).toList();
                problems.addAll(agents.refresh(names, BatchMonitor.NONE).notices());
                noteRefresh(started);
            } catch (RuntimeException e) { // NOPMD the other kinds are still checked, and the failure named
                problems.add(NLS.bind(Messages.Agents_refreshFailed, String.valueOf(e.getMessage())));
            }
        }
        Instant now = clock.instant();
        Sources.Read read = sources.all(now, true);
        problems.addAll(read.problems());
        int posted = warnings.run(read.watched(), now);
        try {
            lastWholeCheck.ran(now);
        } catch (IOException e) {
            // the next start checks again soon: more checks, no missed warning
            LOG.log(System.Logger.Level.WARNING, String.valueOf(e.getMessage()), e);
        }
        announce();
        return new CheckResult(read.watched().size(), posted, problems);
    }

    /**
     * Notes when the refresh started: an agent last seen before it was not reached by it. A failure to note it
     * leaves the older time, so agents count as reachable that were seen since: logged, the check goes on.
     */
    private void noteRefresh(Instant started) {
        try {
            lastRefresh.ran(started);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, String.valueOf(e.getMessage()), e);
        }
    }

    @Override
    public PrometheusText metrics() {
        ExpiryList overview = rows();
        Instant refreshed = null;
        List<String> problems = new ArrayList<>(overview.problems());
        try {
            refreshed = lastRefresh.last();
        } catch (IOException e) {
            problems.add(NLS.bind(Messages.Metrics_refreshUnknown, String.valueOf(e.getMessage())));
        }
        List<MetricsFormat.AgentState> states = new ArrayList<>();
        AgentFleet agents = fleet.get();
        if (agents != null) {
            Map<String, SeenCertificate> seen = new HashMap<>();
            agents.lastSeen().forEach(sighting -> seen.put(sighting.agent(), sighting));
            for (AgentEntry agent : agents.list()) {
                SeenCertificate sighting = seen.get(agent.name());
                // never reached since it was added: neither reachable nor known to be trusted
                boolean trusted = sighting != null && agents.trusts(agent, sighting.certificate(), sighting.seenAt());
                boolean reachable = sighting != null && (refreshed == null || !sighting.seenAt().isBefore(refreshed));
                states.add(new MetricsFormat.AgentState(agent.name(), trusted, reachable));
            }
        }
        return MetricsFormat.of(new ExpiryList(overview.now(), overview.rows(), problems), states, refreshed);
    }

    /** The scheduled whole check, unless another process (or {@code expiry:check}) ran it within the interval. */
    private void checkIfDue(Duration interval) {
        try {
            if (!lastWholeCheck.due(clock.instant(), interval)) {
                return;
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, String.valueOf(e.getMessage()), e);
        }
        check();
    }

    /** How long after now the schedule's first whole check runs (for tests with a clock they control). */
    Duration firstWholeCheck(Duration interval) throws IOException {
        return lastWholeCheck.untilDue(clock.instant(), interval);
    }

    /** The check of CA certificates only: what a change of the trust store runs. */
    int checkCas() {
        Instant now = clock.instant();
        return warnings.run(sources.cas(now), now);
    }

    @Override
    public Map<String, ExpiryWarning> warnings(Collection<String> messageKeys) {
        List<String> keys = messageKeys.stream().filter(Objects::nonNull).toList();
        if (!StagedWarnings.anyNamesOne(keys)) {
            return warnings.describe(keys, List.of());
        }
        return warnings.describe(keys, rows().rows());
    }

    @Override
    public List<Integer> thresholds(String kind) {
        return thresholds.of(kind);
    }

    @Override
    public void setThresholds(String kind, List<Integer> days) throws ExpiryException {
        thresholds.set(kind, days);
        announce();
    }

    @Override
    public void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeChangeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /**
     * Told on the thread that noticed the change, often the UI thread (a view's list catching up): the check reads
     * and writes the home under its lock, so it runs on the service's own thread.
     */
    private void trustStoreChanged() {
        ScheduledExecutorService executor = scheduler;
        if (executor == null) {
            // not started (a test's service without schedule): nothing else would run it
            checkCas();
            announce();
            return;
        }
        try {
            executor.execute(() -> logFailure(() -> {
                checkCas();
                announce();
            }));
        } catch (RejectedExecutionException e) {
            // stopped meanwhile: the next start checks anyway
        }
    }

    private synchronized void listenToFleet() {
        if (watchedFleet == null) {
            watchedFleet = fleet.get();
            if (watchedFleet != null) {
                watchedFleet.addChangeListener(fleetChanged);
                // agents refreshed elsewhere (the Agents view, agent:status, renewals): their rows are as of then
                watchedFleet.addSeenListener(fleetChanged);
            }
        }
    }

    private void announce() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) { // NOPMD one listener's failure must not keep the others uninformed
                LOG.log(System.Logger.Level.WARNING, String.valueOf(e.getMessage()), e);
            }
        }
    }

    /** A run that throws is logged; the schedule goes on (an executor cancels a schedule for good once it throws). */
    private static void logFailure(Runnable run) {
        try {
            run.run();
        } catch (RuntimeException e) { // NOPMD see above
            LOG.log(System.Logger.Level.WARNING, NLS.bind(Messages.Check_runFailed, String.valueOf(e.getMessage())), e);
        }
    }

    private static Duration interval() {
        String value = System.getProperty(INTERVAL_PROPERTY);
        if (value != null) {
            try {
                Duration interval = Duration.parse(value.strip());
                if (!interval.isNegative() && !interval.isZero()) {
                    return interval;
                }
            } catch (DateTimeParseException e) {
                // a bad test setting falls back to the day, never to no check at all
            }
        }
        return Duration.ofHours(24);
    }

    /** The CA thresholds the trust store's check read before, so that a home keeps what it set. */
    static String legacyCaDays(Path truststoreProperties) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(truststoreProperties, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, NLS.bind(Messages.Thresholds_unreadable, truststoreProperties,
                    e.getMessage()), e);
            return null;
        }
        return properties.getProperty("expiry.warning.days"); //$NON-NLS-1$
    }

    /** The service the first time it is wanted: a delayed component (the fleet) is not activated before. */
    private static <S> Supplier<S> lazily(ComponentServiceObjects<S> objects) {
        return new Supplier<>() {
            private S service;

            @Override
            public synchronized S get() {
                if (service == null) {
                    service = objects.getService();
                }
                return service;
            }
        };
    }
}
