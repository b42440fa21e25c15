package org.certbench.expiry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.SeenCertificate;
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
 * Where the rows come from: the trust store, each configured host service target (what it serves, read by a
 * handshake), each agent as last seen (no connection: the fleet keeps it; an agent never seen since it was added
 * shows the certificate pinned when it was added, as of then), and the contributors. A contributed certificate that
 * a host target serves is left out: it is that target's row.
 */
final class Sources {

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

    Sources(TrustStore trustStore, Supplier<HostCertificates> host, Supplier<AgentFleet> fleet,
            Supplier<Collection<ExpiryContributor>> contributors) {
        this.trustStore = trustStore;
        this.host = host;
        this.fleet = fleet;
        this.contributors = contributors;
    }

    Read all(Instant now) {
        List<Watched> watched = new ArrayList<>(cas(now));
        List<String> problems = new ArrayList<>();
        List<Watched> hosts = hosts(now, problems);
        watched.addAll(hosts);
        watched.addAll(agents(now));
        Set<String> served = new HashSet<>();
        hosts.forEach(item -> served.add(item.row().certificate().sha256Fingerprint()));
        watched.addAll(contributed(now, served, problems));
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

    private List<Watched> hosts(Instant now, List<String> problems) {
        HostCertificates service = host.get();
        List<Watched> rows = new ArrayList<>();
        if (service == null) {
            return rows;
        }
        for (TargetSummary target : service.targets()) {
            if (!target.configured()) {
                continue;
            }
            try {
                TargetStatus status = service.show(target.id());
                Certificate served = status.certificate();
                if (served == null) {
                    if (status.problem() != null) {
                        problems.add(NLS.bind(Messages.Host_failed, target.displayName(), status.problem()));
                    }
                    continue;
                }
                rows.add(new Watched(ExpiryRow.of(ExpiryKinds.HOST, target.id(), target.displayName(),
                        NLS.bind(Messages.UsedAt_host, target.displayName(), target.id()), served, null, now), false));
            } catch (HostCertificateException e) {
                problems.add(NLS.bind(Messages.Host_failed, target.displayName(), e.getMessage()));
            }
        }
        return rows;
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

    private List<Watched> contributed(Instant now, Set<String> served, List<String> problems) {
        List<Watched> rows = new ArrayList<>();
        for (ExpiryContributor contributor : contributors.get()) {
            String kind = null;
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
