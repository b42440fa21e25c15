package org.certbench.agents.connector.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.certbench.agents.connector.CsvAgentLine;
import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.AppliedCertificate;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.CertificateSource;
import org.certbench.agents.connector.CsrFile;
import org.certbench.agents.connector.CsrSubject;
import org.certbench.agents.connector.RevocationStatus;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.connector.ReissueOptions;
import org.certbench.agents.connector.SeenCertificate;
import org.certbench.agents.connector.SelfSignedChange;
import org.certbench.agents.connector.TrustChange;
import org.certbench.agents.connector.VerifiedCertificate;
import org.certbench.core.AtomicFiles;
import org.certbench.core.AuditLog;
import org.certbench.core.FileWatch;
import org.certbench.core.StateDirectory;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.messages.SystemMessages;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The fleet in {@code <home>/agents/} with the console identity in {@code <home>/console/}. Each operation
 * lives in its own class; this one holds them together and keeps the inventory's rules.
 */
@Component(service = AgentFleet.class)
public final class FileAgentFleet implements AgentFleet {

    private final FleetParts parts;
    private final ConsoleIdentity console;
    private final AgentAdder adder;
    private final FleetAudit audit;

    private FileWatch watch;
    private FileWatch seenWatch;

    @Activate
    public FileAgentFleet() throws IOException {
        this(StateDirectory.area("agents"), StateDirectory.area("console"), FleetOptions.defaults(), //$NON-NLS-1$ //$NON-NLS-2$
                Clock.systemUTC());
        watch(FileWatch.DEFAULT_PERIOD);
    }

    /**
     * Looks every {@code period} for what another process changed in the inventory, and for the sightings it wrote
     * (a one-shot shell's {@code agent:status}), and tells the listeners of each.
     */
    void watch(java.time.Duration period) {
        watch = FileWatch.every(period, parts.store().path(), parts.inventory()::readChanges);
        seenWatch = FileWatch.every(period, parts.store().path().resolve("seen"), parts.lastSeen()::readChanges); //$NON-NLS-1$
    }

    @Deactivate
    public void stop() {
        if (watch != null) {
            watch.close();
        }
        if (seenWatch != null) {
            seenWatch.close();
        }
    }

    /** The issuers' revocations: consulted before any pin, while their bundle is there. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRevocationStatus(RevocationStatus service) {
        parts.connector().revocations().add(service);
    }

    void removeRevocationStatus(RevocationStatus service) {
        parts.connector().revocations().remove(service);
    }

    /** The bell: where a last-seen file that cannot be read is said, besides the log, while the service is there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setSystemMessages(SystemMessages messages) {
        parts.lastSeen().tellAdministrators(messages);
    }

    void unsetSystemMessages(SystemMessages messages) {
        parts.lastSeen().stopTelling(messages);
    }

    @Override
    public void addChangeListener(Runnable listener) {
        parts.inventory().addChangeListener(listener);
    }

    @Override
    public void removeChangeListener(Runnable listener) {
        parts.inventory().removeChangeListener(listener);
    }

    @Override
    public void addSeenListener(Runnable listener) {
        parts.lastSeen().addListener(listener);
    }

    @Override
    public void removeSeenListener(Runnable listener) {
        parts.lastSeen().removeListener(listener);
    }

    FileAgentFleet(Path agentsDirectory, Path consoleDirectory, FleetOptions options, Clock clock) throws IOException {
        AgentStore store = new AgentStore(agentsDirectory);
        this.console = new ConsoleIdentity(consoleDirectory, clock);
        this.parts = new FleetParts(new Inventory(store), store, new AgentConnector(console, options, clock),
                new BatchRunner(options.parallelism()), clock, new LastSeen(store));
        this.adder = new AgentAdder(parts);
        this.audit = new FleetAudit(new AuditLog(agentsDirectory.toAbsolutePath().getParent().resolve(
                AuditLog.DIRECTORY), null, clock));
    }

    @Override
    public AgentStatus add(String name, String host, int port, String expectedFingerprint) throws FleetException {
        try {
            AgentStatus added = adder.add(name, host, port, expectedFingerprint);
            audit.one(FleetAudit.ADD, name, null, FleetAudit.pinned(added.agent()), null);
            return added;
        } catch (FleetException e) {
            audit.one(FleetAudit.ADD, name, null, null, e.getMessage());
            throw e;
        }
    }

    @Override
    public BatchResult<AgentStatus> importCsv(Path csvFile, BatchMonitor monitor) throws FleetException {
        BatchResult<AgentStatus> imported = adder.importCsv(csvFile, monitor);
        parts.lastSeen().flush();
        return audit.batch(FleetAudit.ADD, imported, status -> new String[] { null, FleetAudit.pinned(status.agent()) });
    }

    @Override
    public BatchResult<AgentStatus> importLines(List<CsvAgentLine> lines, BatchMonitor monitor) {
        BatchResult<AgentStatus> imported = adder.importRows(lines.stream()
                .map(line -> new CsvAgents.Row(line.line(), line.name(), line.host(), line.port(), line.problem()))
                .toList(), monitor);
        parts.lastSeen().flush();
        return audit.batch(FleetAudit.ADD, imported, status -> new String[] { null, FleetAudit.pinned(status.agent()) });
    }

    @Override
    public List<CsvAgentLine> readCsv(Path csvFile) throws FleetException {
        return CsvAgents.read(csvFile).stream()
                .map(row -> new CsvAgentLine(row.line(), row.name(), row.host(), row.port(), row.problem())).toList();
    }

    @Override
    public AgentEntry remove(String name) throws FleetException {
        AgentEntry agent = parts.inventory().get(name);
        try {
            parts.inventory().change(agent.name(), current -> null);
        } catch (FleetException e) {
            audit.one(FleetAudit.REMOVE, agent.name(), FleetAudit.pinned(agent), null, e.getMessage());
            throw e;
        }
        parts.lastSeen().forget(agent.name());
        audit.one(FleetAudit.REMOVE, agent.name(), FleetAudit.pinned(agent), null, null);
        return agent;
    }

    @Override
    public List<AgentEntry> list() {
        return parts.inventory().list();
    }

    @Override
    public AgentEntry get(String name) throws FleetException {
        return parts.inventory().get(name);
    }

    @Override
    public AgentStatus status(String name) throws FleetException {
        AgentStatus status;
        try {
            status = parts.status(parts.inventory().get(name));
        } catch (AgentCallException e) {
            // outside a batch no cancel cuts a handshake: kept in words all the same
            throw new FleetException(e.getMessage(), e);
        }
        parts.lastSeen().flush();
        return status;
    }

    @Override
    public List<SeenCertificate> lastSeen() {
        return parts.lastSeen().of(parts.inventory().list());
    }

    @Override
    public boolean trusts(AgentEntry agent, Certificate presented, Instant at) {
        return TrustPolicy.decide(agent, presented, at, parts.connector().revocations()).isTrusted();
    }

    @Override
    public BatchResult<AgentStatus> refresh(Collection<String> names, BatchMonitor monitor) {
        List<String> selection = distinct(names);
        BatchRunner.MonitorRelay relay = new BatchRunner.MonitorRelay(monitor);
        relay.begin(selection.size());
        BatchResult<AgentStatus> result = parts.runner().run(selection, name -> name, relay,
                BatchRunner.Reporting.EACH_RESULT,
                name -> AgentResult.succeeded(name, parts.status(parts.inventory().get(name)), null));
        parts.lastSeen().flush();
        // files of the inventory that could not be read belong with the agents shown, not hidden
        return new BatchResult<>(result.results(), parts.inventory().loadProblems());
    }

    @Override
    public BatchResult<TrustChange> trust(Collection<String> names, BatchMonitor monitor) {
        return audit.batch(FleetAudit.TRUST, new TrustOperation(parts).run(distinct(names), null, monitor),
                FleetAudit::fingerprints);
    }

    @Override
    public BatchResult<TrustChange> trustConfirmed(Map<String, String> confirmedFingerprints, BatchMonitor monitor) {
        Map<String, String> confirmed = new LinkedHashMap<>(confirmedFingerprints);
        return audit.batch(FleetAudit.TRUST,
                new TrustOperation(parts).run(new ArrayList<>(confirmed.keySet()), confirmed, monitor),
                FleetAudit::fingerprints);
    }

    @Override
    public Certificate addKnownCa(Path caFile) throws FleetException {
        Certificate ca;
        try {
            ca = Certificates.read(caFile).certificate();
        } catch (CertBenchCryptoException e) {
            throw new FleetException(NLS.bind(Messages.Verify_caUnreadable, caFile, e.getMessage()), e);
        }
        if (!ca.isCertificateAuthority()) {
            throw new FleetException(NLS.bind(Messages.Verify_notCa, caFile.getFileName()));
        }
        try {
            parts.store().addKnownCa(ca);
        } catch (IOException e) {
            audit.one(FleetAudit.KNOWN_CA, ca.subject(), null, null, e.getMessage());
            throw new FleetException(NLS.bind(Messages.Store_cannotWrite, parts.store().path(), e.getMessage()), e);
        }
        audit.one(FleetAudit.KNOWN_CA, ca.subject(), null, ca.sha256Fingerprint(), null);
        return ca;
    }

    @Override
    public BatchResult<CsrFile> generateCsrs(Collection<String> names, CsrSubject subject, Path directory,
            BatchMonitor monitor) {
        return new CsrOperation(parts).run(distinct(names), subject, directory, monitor);
    }

    @Override
    public BatchResult<VerifiedCertificate> verifyCertificates(Collection<String> names, Path caFile, Path directory,
            BatchMonitor monitor) {
        return new IssuedCertificateOperation(parts).verify(distinct(names), caFile, directory, monitor);
    }

    @Override
    public BatchResult<AppliedCertificate> applyCertificates(Collection<String> names, Path caFile, Path directory,
            BatchMonitor monitor) {
        return audit.batch(FleetAudit.APPLY,
                new IssuedCertificateOperation(parts).apply(distinct(names), caFile, directory, monitor),
                applied -> new String[] { FleetAudit.fingerprint(applied.previous()),
                        FleetAudit.fingerprint(applied.certificate()) });
    }

    @Override
    public BatchResult<AppliedCertificate> reissue(Collection<String> names, ReissueOptions options,
            CertificateSource source, BatchMonitor monitor) {
        return audit.batch(FleetAudit.REISSUE,
                new ReissueOperation(parts).run(distinct(names), options, source, monitor),
                applied -> new String[] { FleetAudit.fingerprint(applied.previous()),
                        FleetAudit.fingerprint(applied.certificate()) });
    }

    @Override
    public BatchResult<SelfSignedChange> applySelfSigned(Collection<String> names, boolean rekey,
            BatchMonitor monitor) {
        return audit.batch(rekey ? FleetAudit.REKEY : FleetAudit.SELF_SIGNED,
                new SelfSignedOperation(parts).run(distinct(names), rekey, monitor),
                change -> new String[] { FleetAudit.fingerprint(change.previous()),
                        FleetAudit.fingerprint(change.certificate()) });
    }

    @Override
    public Certificate consoleCertificate() throws FleetException {
        return console.get().certificate();
    }

    @Override
    public Certificate exportConsoleCertificate(Path file) throws FleetException {
        Certificate certificate = consoleCertificate();
        try {
            AtomicFiles.write(file.toAbsolutePath(), certificate.pem().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new FleetException(NLS.bind(Messages.Console_cannotExport, file, e.getMessage()), e);
        }
        return certificate;
    }

    /** A selection names each agent once, in the order given. */
    private static List<String> distinct(Collection<String> names) {
        return List.copyOf(new LinkedHashSet<>(names));
    }
}
