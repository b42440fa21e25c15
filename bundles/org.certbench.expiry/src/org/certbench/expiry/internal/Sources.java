package org.certbench.expiry.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.SeenCertificate;
import org.certbench.core.FileStamp;
import org.certbench.crypto.Certificate;
import org.certbench.expiry.ContributedCertificate;
import org.certbench.expiry.ExpiryContributor;
import org.certbench.expiry.ExpiryKinds;
import org.certbench.expiry.ExpiryRow;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificates;
import org.certbench.host.TargetStatus;
import org.certbench.host.TargetSummary;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.TrustStore;
import org.eclipse.osgi.util.NLS;

/**
 * Where the rows come from: the trust store, each configured host service target as last seen (a handshake only
 * for a target not seen yet, whose settings or the files they name changed since, or on a refresh; see
 * {@link LastServed}), each agent as last seen (no connection: the fleet keeps it; an agent never seen since it was added
 * shows the certificate pinned when it was added, as of then), and the contributors. A contributed certificate that
 * a host target serves is left out: it is that target's row.
 */
final class Sources {

    private static final System.Logger LOG = System.getLogger(Sources.class.getName());

    static final Comparator<ExpiryRow> BY_URGENCY = Comparator.comparing(ExpiryRow::notAfter)
            .thenComparing(ExpiryRow::kind).thenComparing(ExpiryRow::name).thenComparing(ExpiryRow::id);

    /** What was read: the rows for the overview and the check, and what could not be read. */
    record Read(List<Watched> watched, List<String> problems) {

        List<ExpiryRow> rows() {
            return watched.stream().map(Watched::row).sorted(BY_URGENCY).toList();
        }
    }

    private final TrustStore trustStore;
    private final Supplier<HostCertificates> host;
    private final Supplier<AgentFleet> fleet;
    private final Supplier<Collection<ExpiryContributor>> contributors;
    private final LastServed lastServed;

    Sources(TrustStore trustStore, Supplier<HostCertificates> host, Supplier<AgentFleet> fleet,
            Supplier<Collection<ExpiryContributor>> contributors, LastServed lastServed) {
        this.trustStore = trustStore;
        this.host = host;
        this.fleet = fleet;
        this.contributors = contributors;
        this.lastServed = lastServed;
    }

    /** Every row; with {@code refreshHosts} every host target is read by a handshake (the check), else as last seen. */
    Read all(Instant now, boolean refreshHosts) {
        List<Watched> watched = new ArrayList<>(cas(now));
        List<String> problems = new ArrayList<>();
        List<Watched> hosts = hosts(now, refreshHosts, problems);
        watched.addAll(hosts);
        watched.addAll(agents(now));
        Set<String> served = new HashSet<>();
        hosts.forEach(item -> served.add(item.row().certificate().sha256Fingerprint()));
        watched.addAll(contributed(now, served, refreshHosts, problems));
        return new Read(watched, problems);
    }

    List<Watched> cas(Instant now) {
        List<Watched> rows = new ArrayList<>();
        for (CaEntry entry : trustStore.list()) {
            rows.add(new Watched(ExpiryRow.of(ExpiryKinds.CA, entry.id(), entry.commonName(), Messages.UsedAt_ca,
                    entry.certificate(), null, now), false));
        }
        return rows;
    }

    private List<Watched> hosts(Instant now, boolean refresh, List<String> problems) {
        HostCertificates service = host.get();
        List<Watched> rows = new ArrayList<>();
        if (service == null) {
            return rows;
        }
        Map<String, LastServed.Sighting> seen = Map.of();
        try {
            seen = lastServed.all();
        } catch (IOException e) {
            // as if none was seen: every target is read now
            LOG.log(System.Logger.Level.WARNING, String.valueOf(e.getMessage()), e);
        }
        Map<String, LastServed.Sighting> read = new HashMap<>();
        for (TargetSummary target : service.targets()) {
            if (!target.configured()) {
                continue;
            }
            String stamp = stamp(service, target.id());
            LastServed.Sighting last = seen.get(target.id());
            if (!refresh && last != null && last.stamp().equals(stamp)) {
                rows.add(hostRow(target, last.certificate(), last.at(), now));
                continue;
            }
            String problem;
            try {
                TargetStatus status = service.show(target.id());
                Certificate served = status.certificate();
                if (served != null) {
                    read.put(target.id(), new LastServed.Sighting(served, now, stamp));
                    rows.add(hostRow(target, served, null, now));
                    continue;
                }
                problem = status.problem();
            } catch (HostCertificateException e) {
                problem = e.getMessage();
            }
            if (problem != null) {
                problems.add(NLS.bind(Messages.Host_failed, target.displayName(), problem));
            }
            if (last != null) {
                // not readable now: what it served when last seen, as of then, beside the problem
                rows.add(hostRow(target, last.certificate(), last.at(), now));
            }
        }
        try {
            lastServed.record(read);
        } catch (IOException e) {
            // the next look reads these targets again: slower, nothing wrong shown
            LOG.log(System.Logger.Level.WARNING, String.valueOf(e.getMessage()), e);
        }
        return rows;
    }

    private static Watched hostRow(TargetSummary target, Certificate certificate, Instant asOf, Instant now) {
        return new Watched(ExpiryRow.of(ExpiryKinds.HOST, target.id(), target.displayName(),
                NLS.bind(Messages.UsedAt_host, target.displayName(), target.id()), certificate, asOf, now), false);
    }

    /**
     * The target's settings and the modification stamp of each file they name: a certificate generated, uploaded or
     * set changes it, without a connection. Empty when the settings cannot be read ({@code show} then says why).
     */
    private static String stamp(HostCertificates service, String targetId) {
        StringBuilder stamp = new StringBuilder();
        try {
            new TreeMap<>(service.settings(targetId).values()).forEach((key, value) -> {
                stamp.append(key).append('=').append(value);
                try {
                    Path named = Path.of(value);
                    if (named.isAbsolute() && Files.isRegularFile(named)) {
                        FileStamp file = FileStamp.of(named);
                        stamp.append(' ').append(file.modified().toMillis()).append(' ').append(file.size())
                                .append(' ').append(file.fileKey());
                    }
                } catch (InvalidPathException | IOException e) {
                    // not a file, or not one that can be looked at: its value alone stamps it
                }
                stamp.append('\n');
            });
        } catch (HostCertificateException e) {
            return ""; //$NON-NLS-1$
        }
        return stamp.toString();
    }

    List<Watched> agents(Instant now) {
        AgentFleet agents = fleet.get();
        List<Watched> rows = new ArrayList<>();
        if (agents == null) {
            return rows;
        }
        Map<String, SeenCertificate> seen = new HashMap<>();
        agents.lastSeen().forEach(sighting -> seen.put(sighting.agent(), sighting));
        for (AgentEntry agent : agents.list()) {
            SeenCertificate sighting = seen.get(agent.name());
            Certificate certificate = sighting != null ? sighting.certificate() : agent.pinnedCertificate();
            if (certificate == null) {
                continue;
            }
            Instant asOf = sighting != null ? sighting.seenAt() : agent.added();
            boolean pinnedSelfSigned = certificate.isSelfSigned() && certificate.equals(agent.pinnedCertificate());
            rows.add(new Watched(ExpiryRow.of(ExpiryKinds.AGENT, agent.name(), agent.name(), agent.address(),
                    certificate, asOf, now), pinnedSelfSigned));
        }
        return rows;
    }

    private List<Watched> contributed(Instant now, Set<String> served, boolean refresh, List<String> problems) {
        List<Watched> rows = new ArrayList<>();
        for (ExpiryContributor contributor : contributors.get()) {
            String kind = null;
            if (refresh) {
                String named = contributor.getClass().getName();
                try {
                    named = contributor.kind();
                    contributor.refresh();
                } catch (Exception e) { // NOPMD as below; what it saw before is still shown
                    problems.add(NLS.bind(Messages.Contributor_failed, named, String.valueOf(e.getMessage())));
                }
            }
            // a contributor's rows are added only once all of them were read: a failure half-way shows none of them
            List<Watched> own = new ArrayList<>();
            try {
                kind = contributor.kind();
                if (!ExpiryKinds.isValid(kind) || List.of(ExpiryKinds.CA, ExpiryKinds.HOST, ExpiryKinds.AGENT)
                        .contains(kind)) {
                    problems.add(NLS.bind(Messages.Contributor_badKind, kind));
                    continue;
                }
                List<ContributedCertificate> certificates = contributor.certificates();
                if (certificates == null) {
                    problems.add(NLS.bind(Messages.Contributor_failed, kind, Messages.Contributor_null));
                    continue;
                }
                for (ContributedCertificate contributed : certificates) {
                    if (!served.contains(contributed.certificate().sha256Fingerprint())) {
                        own.add(new Watched(ExpiryRow.of(kind, contributed.id(), contributed.name(),
                                contributed.usedAt(), contributed.certificate(), contributed.asOf(), now), false));
                    }
                }
            } catch (Exception e) { // NOPMD a plug-in may fail in any way: its failure is named, the others shown
                problems.add(NLS.bind(Messages.Contributor_failed,
                        kind != null ? kind : contributor.getClass().getName(), String.valueOf(e.getMessage())));
                continue;
            }
            rows.addAll(own);
        }
        return rows;
    }
}
