package org.certbench.renewal.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AppliedCertificate;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.core.TextBundle;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.Issuers;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessages;
import org.certbench.renewal.RenewalException;
import org.certbench.renewal.RenewalPolicy;
import org.eclipse.osgi.util.NLS;

/**
 * {@code renewal:run}: follows the policies in one go, one run at a time. The home's lock is taken only by the
 * short writes of attempts (never across a handshake or an issuer); agents still backing off after failures are
 * not tried; each certificate's failure raises one system message until it is renewed, which marks it read.
 */
public final class RenewalRun {

    private static final String SOURCE = "Renewal"; //$NON-NLS-1$
    private static final String AGENT = "agent"; //$NON-NLS-1$

    private final AgentFleet fleet;
    private final Issuers issuers;
    private final StoredRenewalPolicies policies;
    private final AgentRenewal agents;
    private final SystemMessages messages;
    private final HostRenewals hosts;

    /**
     * @param hosts the host service renewal, or {@code null} where this runtime has no host certificates service
     */
    public RenewalRun(AgentFleet fleet, Issuers issuers, StoredRenewalPolicies policies, SystemMessages messages,
            HostRenewals hosts) {
        this.fleet = fleet;
        this.issuers = issuers;
        this.policies = policies;
        this.agents = new AgentRenewal(fleet, issuers, policies);
        this.messages = messages;
        this.hosts = hosts;
    }

    /**
     * Runs the policies once.
     *
     * @throws RenewalException if another run is under way, or the policies cannot be read
     */
    public List<RunLine> run(BatchMonitor monitor) throws RenewalException {
        return RunLock.alone(policies.home(), () -> {
            List<RunLine> lines = new ArrayList<>();
            refreshRevocationLists(lines);
            runAgents(lines, monitor);
            runHosts(lines);
            return lines;
        });
    }

    /**
     * Re-signs the local CA's CRL where it is due: where no workbench stays open, this run is the only thing that
     * does, and a CRL past its nextUpdate makes clients refuse every certificate of the CA.
     */
    private void refreshRevocationLists(List<RunLine> lines) {
        try {
            issuers.refreshRevocationLists();
        } catch (IssuerException e) {
            lines.add(new RunLine("crl", "-", "failed", e.getMessage())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        }
    }

    private void runAgents(List<RunLine> lines, BatchMonitor monitor) throws RenewalException, IOException {
        RenewalPolicy policy = policies.readablePolicy(IssueKind.AGENT);
        if (!policy.scheduled()) {
            return;
        }
        AgentRenewal.Request request = new AgentRenewal.Request(Optional.empty(), policy.rekey(), false, false);
        List<String> names = fleet.list().stream().map(AgentEntry::name).toList();
        AgentPlan plan = agents.plan(names, request, monitor);
        List<AgentPlan.Step> now = new ArrayList<>();
        java.time.Instant instant = policies.clock().instant();
        Map<String, String> known = policies.home().attempts().file().read();
        for (AgentPlan.Step step : plan.renew()) {
            Optional<Attempt> attempt = known.isEmpty() ? Optional.empty()
                    : policies.home().attempts().get(IssueKind.AGENT, step.agent());
            if (attempt.isPresent() && instant.isBefore(attempt.get().notBefore())) {
                lines.add(new RunLine(AGENT, step.agent(), "waiting", waiting(attempt.get()))); //$NON-NLS-1$
            } else {
                now.add(step);
            }
        }
        AgentRenewal.Renewed renewed = agents.renew(new AgentPlan(now, plan.left()), request, monitor);
        Map<String, String> posted = new HashMap<>();
        for (AgentResult<AppliedCertificate> result : renewed.result().results()) {
            if (result.succeeded()) {
                clearMessage(renewed.recorded().cleared().get(result.agent()));
                lines.add(renewedLine(result));
            } else {
                String failure = renewed.failure(result);
                report(result.agent(), renewed, result.message(), posted);
                lines.add(new RunLine(AGENT, result.agent(), "failed", failure)); //$NON-NLS-1$
            }
        }
        policies.home().attempts().withMessages(IssueKind.AGENT, posted);
        for (AgentPlan.Step step : plan.left()) {
            lines.add(new RunLine(AGENT, step.agent(), step.failed() ? "failed" : "left", step.reason())); //$NON-NLS-1$ //$NON-NLS-2$
        }
    }

    /**
     * A renewal that worked may carry a note for the administrator (the agent could not be told to forget its
     * previous key): the line, and so {@code --json}, keeps it after the fingerprint rather than dropping it.
     */
    static RunLine renewedLine(AgentResult<AppliedCertificate> result) {
        String fingerprint = result.value().certificate().sha256Fingerprint();
        return new RunLine(AGENT, result.agent(), "renewed", result.message() == null ? fingerprint //$NON-NLS-1$
                : NLS.bind(Messages.Run_renewedWithNote, fingerprint, result.message()));
    }

    /**
     * The host services' part: every configured target that is due, not one still backing off after failures.
     * Targets are renewed one after the other, each its own apply; a failure of one is its line.
     */
    private void runHosts(List<RunLine> lines) throws RenewalException, IOException {
        RenewalPolicy policy = policies.readablePolicy(IssueKind.HOST);
        if (!policy.scheduled() || hosts == null) {
            return;
        }
        String kind = IssueKind.HOST.label();
        HostRenewals.Request request = new HostRenewals.Request(Optional.empty(), false);
        HostPlan plan = hosts.plan(hosts.configuredTargets(), request);
        List<HostPlan.Step> now = new ArrayList<>();
        java.time.Instant instant = policies.clock().instant();
        for (HostPlan.Step step : plan.renew()) {
            Optional<Attempt> attempt = policies.home().attempts().get(IssueKind.HOST, step.target());
            if (attempt.isPresent() && instant.isBefore(attempt.get().notBefore())) {
                lines.add(new RunLine(kind, step.target(), "waiting", waiting(attempt.get()))); //$NON-NLS-1$
            } else {
                now.add(step);
            }
        }
        for (HostRenewals.Result result : hosts.renew(new HostPlan(now, plan.left()), request,
                org.certbench.host.RenewalMonitor.NONE)) {
            if (result.succeeded()) {
                lines.add(new RunLine(kind, result.target(), "renewed", //$NON-NLS-1$
                        result.applied().applied().sha256Fingerprint()));
            } else {
                reportHost(result.target(), result.message());
                lines.add(new RunLine(kind, result.target(), "failed", result.message())); //$NON-NLS-1$
            }
        }
        for (HostPlan.Step step : plan.left()) {
            lines.add(new RunLine(kind, step.target(), step.failed() ? "failed" : "left", step.reason())); //$NON-NLS-1$ //$NON-NLS-2$
        }
    }

    /** One message per host target and kind of failure: posted at its first failure, not at every retry. */
    private void reportHost(String target, String reason) throws IOException {
        Optional<Attempt> attempt = policies.home().attempts().get(IssueKind.HOST, target);
        if (messages == null || attempt.isEmpty() || !attempt.get().messageId().isEmpty()) {
            return;
        }
        // the key carries the first failure's time: after a success, the next failure is a new message
        String key = "renewal|host|" + target + '|' + attempt.get().failureKind() + '|' //$NON-NLS-1$
                + policies.clock().instant();
        String id = messages.post(Severity.ERROR, SOURCE, NLS.bind(Messages.Run_hostFailedMessage, target, reason),
                key).id();
        policies.home().attempts().withMessage(IssueKind.HOST, target, id);
    }

    /**
     * One message per certificate and kind of failure: posted at its first failure, not at every retry; a failure of
     * another kind is a message of its own. The ids posted are collected to be recorded in one write.
     */
    private void report(String agent, AgentRenewal.Renewed renewed, String reason, Map<String, String> posted) {
        Attempt attempt = renewed.recorded().failed().get(agent);
        if (messages == null || attempt == null || !attempt.messageId().isEmpty()) {
            return;
        }
        FailureKind kind = renewed.failureKinds().get(agent);
        // the key carries the first failure's time: after a success, the next failure is a new message
        String key = "renewal|agent|" + agent + '|' + attempt.failureKind() + '|' //$NON-NLS-1$
                + policies.clock().instant();
        posted.put(agent, messages.post(Severity.ERROR, SOURCE, NLS.bind(Messages.Run_failedMessage,
                new Object[] { agent, kind == null ? attempt.failureKind() : kind.words(), reason }),
                key).id());
    }

    private void clearMessage(Attempt attempt) {
        if (messages == null || attempt == null || attempt.messageId().isEmpty()) {
            return;
        }
        try {
            messages.markRead(attempt.messageId());
        } catch (IllegalArgumentException e) {
            // the message was deleted meanwhile: nothing left to clear
        }
    }

    /** {@return "waiting after 1 failed attempt, next not before …": a choice, which NLS.bind does not read} */
    private static String waiting(Attempt attempt) {
        return TextBundle.fill(Messages.Run_waiting, attempt.failures(), attempt.notBefore());
    }
}
