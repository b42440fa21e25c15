package org.certbench.renewal.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.AppliedCertificate;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.ReissueOptions;
import org.certbench.crypto.Certificate;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.IssueMonitor;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.Issuers;
import org.certbench.renewal.Due;
import org.certbench.renewal.RenewalException;
import org.certbench.renewal.RenewalPolicy;
import org.eclipse.osgi.util.NLS;

/**
 * Renewal of agents' certificates: which agents are this console's to renew and due (the plan), then the
 * connector's re-issue through an issuer, the outcome of each agent remembered for the backoff of scheduled runs.
 */
public final class AgentRenewal {

    /** What was asked: the issuer (empty: the policy's), a new key, renew even when not due, adopt the agents. */
    public record Request(Optional<String> issuer, boolean rekey, boolean force, boolean adopt) {
    }

    /**
     * What a renewal did: each agent's result, the kind of failure of each failed one, and what was recorded for the
     * backoff (empty when it could not be written, which is logged).
     */
    public record Renewed(BatchResult<AppliedCertificate> result, Map<String, FailureKind> failureKinds,
            Attempts.Recorded recorded) {

        /** {@return a failed agent's result in words: the kind of failure, then the reason} */
        public String failure(AgentResult<AppliedCertificate> failed) {
            FailureKind kind = failureKinds.get(failed.agent());
            return kind == null ? failed.message() : NLS.bind(Messages.Renew_failedKind, kind.words(),
                    failed.message());
        }
    }

    /** Work done while no other renewal runs on the home. */
    @FunctionalInterface
    public interface Alone<T> {
        /**
         * Does the work.
         *
         * @throws IOException when the renewal state cannot be written: a failure of the home, in words
         */
        T run() throws RenewalException, IOException;
    }

    private final AgentFleet fleet;
    private final Issuers issuers;
    private final StoredRenewalPolicies policies;

    public AgentRenewal(AgentFleet fleet, Issuers issuers, StoredRenewalPolicies policies) {
        this.fleet = fleet;
        this.issuers = issuers;
        this.policies = policies;
    }

    /**
     * {@return the issuer of this request: the one named, else the agent policy's}
     *
     * @throws RenewalException if none is named or configured, or there is no issuer of that name
     */
    Issuer issuer(Request request) throws RenewalException {
        RenewalPolicy policy = policies.readablePolicy(IssueKind.AGENT);
        Optional<String> name = request.issuer().or(policy::issuer);
        if (name.isEmpty()) {
            throw new RenewalException(Messages.Renew_noIssuer);
        }
        try {
            return issuers.get(name.get());
        } catch (IssuerException e) {
            throw new RenewalException(e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} holding the home's run lock, the one {@code renewal:run} holds: an {@code agent:renew} beside
     * a run (or another {@code agent:renew}) would plan from the same certificates and renew an agent twice.
     *
     * @throws RenewalException if another renewal is under way (it does not wait), or the lock cannot be taken
     */
    public <T> T alone(Alone<T> work) throws RenewalException {
        return RunLock.alone(policies.home(), work);
    }

    /**
     * Looks at each agent (one handshake each) and decides: renew it, or leave it and why. Changes nothing.
     *
     * @throws RenewalException if the policy cannot be read
     */
    public AgentPlan plan(Collection<String> names, Request request, BatchMonitor monitor) throws RenewalException {
        RenewalPolicy policy = policies.readablePolicy(IssueKind.AGENT);
        Set<String> adopted = policies.adopted();
        List<AgentPlan.Step> renew = new ArrayList<>();
        List<AgentPlan.Step> left = new ArrayList<>();
        BatchResult<AgentStatus> statuses = fleet.refresh(names, monitor);
        for (AgentResult<AgentStatus> looked : statuses.results()) {
            String agent = looked.agent();
            if (!looked.succeeded()) {
                left.add(new AgentPlan.Step(agent, looked.message(), true));
                continue;
            }
            AgentStatus status = looked.value();
            if (!status.isTrusted()) {
                left.add(new AgentPlan.Step(agent, NLS.bind(Messages.Renew_notTrusted, status.state().name()
                        .toLowerCase(java.util.Locale.ROOT), status.reason()), true));
                continue;
            }
            Certificate current = status.certificate();
            Optional<String> ownership = ownership(agent, current, adopted, request.adopt());
            if (ownership.isEmpty()) {
                left.add(new AgentPlan.Step(agent, notOwn(current), false));
                continue;
            }
            Due due = StoredRenewalPolicies.due(policy.due(), current, policies.clock().instant());
            if (due.due()) {
                renew.add(new AgentPlan.Step(agent, due.reason(), false));
            } else if (request.force()) {
                renew.add(new AgentPlan.Step(agent, NLS.bind(Messages.Renew_forced, due.reason()), false));
            } else {
                left.add(new AgentPlan.Step(agent, due.reason(), false));
            }
        }
        return new AgentPlan(renew, left);
    }

    /** Why the console may renew this agent, or empty when it may not. */
    private Optional<String> ownership(String agent, Certificate current, Set<String> adopted, boolean adopting) {
        Optional<Issuer> issuer = issuers.issuerOf(current);
        if (issuer.isPresent()) {
            return Optional.of(issuer.get().name());
        }
        if (adopted.contains(agent) || adopting) {
            return Optional.of("adopted"); //$NON-NLS-1$
        }
        return Optional.empty();
    }

    private static String notOwn(Certificate current) {
        return current.isSelfSigned() ? Messages.Renew_selfSignedNotOwn
                : NLS.bind(Messages.Renew_notOwn, current.issuerCommonName());
    }

    /**
     * Renews the planned agents: adopts them first if asked, then re-issues through the issuer; every agent's
     * outcome is remembered (a failure for the backoff and the bell, a success forgets earlier failures).
     *
     * @throws RenewalException if the issuer cannot be found, or adoption cannot be written
     */
    public Renewed renew(AgentPlan plan, Request request, BatchMonitor monitor) throws RenewalException {
        return renew(plan, request, monitor, true);
    }

    /**
     * As {@link #renew(AgentPlan, Request, BatchMonitor)}; without {@code countFailures} a failure is not remembered
     * for the backoff (a person's attempt in the workbench is not the schedule's: it must not push the schedule's next
     * try back), while a success still clears earlier failures, as the certificate is fresh.
     */
    public Renewed renew(AgentPlan plan, Request request, BatchMonitor monitor, boolean countFailures)
            throws RenewalException {
        Issuer issuer = issuer(request);
        List<String> names = plan.renew().stream().map(AgentPlan.Step::agent).toList();
        if (request.adopt() && !names.isEmpty()) {
            policies.adopt(names);
        }
        if (names.isEmpty()) {
            return new Renewed(new BatchResult<>(List.of(), List.of()), Map.of(),
                    new Attempts.Recorded(Map.of(), Map.of()));
        }
        // the issuers ask for a cancel from the agents' threads while the fleet's batch uses the same monitor
        BatchMonitor shared = new OneCallAtATime(monitor);
        IssueMonitor issueMonitor = new IssueMonitor() {
            @Override
            public boolean isCanceled() {
                return shared.isCanceled();
            }
        };
        IssuerSource source = new IssuerSource(issuer, issueMonitor);
        // the agent makes a key of the policy's type, or refuses a type it does not know, in words
        ReissueOptions options = new ReissueOptions(request.rekey(),
                policies.readablePolicy(IssueKind.AGENT).keyType());
        BatchResult<AppliedCertificate> result = fleet.reissue(names, options, source, shared);
        Map<String, FailureKind> kinds = new HashMap<>();
        for (AgentResult<AppliedCertificate> each : result.results()) {
            if (each.outcome() == AgentResult.Outcome.FAILED) {
                kinds.put(each.agent(), source.failureKind(each.agent()));
            }
        }
        return new Renewed(result, kinds, remember(result, countFailures ? kinds : Map.of(), source));
    }

    /**
     * Backoff and bell state of each agent, in one write for the batch; a state that cannot be written is logged,
     * the renewal stands.
     */
    private Attempts.Recorded remember(BatchResult<AppliedCertificate> result, Map<String, FailureKind> kinds,
            IssuerSource source) {
        List<String> renewed = result.results().stream().filter(AgentResult::succeeded).map(AgentResult::agent)
                .toList();
        try {
            policies.endAdoption(renewed);
        } catch (IOException e) {
            System.getLogger(AgentRenewal.class.getName()).log(System.Logger.Level.WARNING,
                    NLS.bind(Messages.Settings_cannotWrite, policies.home().adopted().path(), e.getMessage()), e);
        }
        Map<String, Attempts.Failure> failures = new HashMap<>();
        for (AgentResult<AppliedCertificate> each : result.results()) {
            FailureKind kind = kinds.get(each.agent());
            // a cancelled agent was not tried: no failure to back off from
            if (kind != null && kind != FailureKind.CANCELED) {
                failures.put(each.agent(), new Attempts.Failure(kind.label(), each.message(),
                        source.retryAfter(each.agent())));
            }
        }
        try {
            return policies.home().attempts().record(IssueKind.AGENT, renewed, failures,
                    policies.clock().instant(), Backoff.DEFAULT);
        } catch (IOException e) {
            System.getLogger(AgentRenewal.class.getName()).log(System.Logger.Level.WARNING,
                    NLS.bind(Messages.Settings_cannotWrite, policies.home().attempts().file().path(),
                            e.getMessage()), e);
            return new Attempts.Recorded(Map.of(), Map.of());
        }
    }
}
