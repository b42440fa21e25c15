package org.certbench.renewal.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.HostIdentity;
import org.certbench.host.ApplyResult;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificates;
import org.certbench.host.RenewalMonitor;
import org.certbench.host.RenewalOptions;
import org.certbench.host.TargetStatus;
import org.certbench.issuers.ChallengeResponder;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.Issuers;
import org.certbench.messages.SystemMessages;
import org.certbench.renewal.ChallengeResponders;
import org.certbench.renewal.Due;
import org.certbench.renewal.HostRenewer;
import org.certbench.renewal.RenewalException;
import org.certbench.renewal.RenewalPolicy;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Renewal of this host's service certificates: which targets are due (the plan), then each through an issuer
 * with {@link HostCertificates#renew}, the outcome remembered for the backoff of scheduled runs. Every target of
 * this host is this console's to renew: no ownership rule as for agents. Offered as its own type too, for the
 * bundle's commands and {@code renewal:run}.
 */
@Component(service = { HostRenewer.class, HostRenewals.class })
public final class HostRenewals implements HostRenewer {

    /** What was asked: the issuer (empty: the host policy's), renew even when not due. */
    public record Request(Optional<String> issuer, boolean force) {
    }

    /** One target's outcome: the applied certificate, or the failure whose message says why in words. */
    public record Result(String target, ApplyResult applied, HostCertificateException failure) {

        /** {@return whether it was renewed} */
        public boolean succeeded() {
            return applied != null;
        }

        /** {@return whether it was cancelled before anything was installed} */
        public boolean canceled() {
            return failure != null && failure.reason() == HostCertificateException.Reason.CANCELED;
        }

        /** {@return why it failed, in words} */
        public String message() {
            return failure == null ? "" : failure.getMessage(); //$NON-NLS-1$
        }
    }

    private final HostCertificates hosts;
    private final Issuers issuers;
    private final StoredRenewalPolicies policies;
    private final List<ChallengeResponders> responders = new CopyOnWriteArrayList<>();
    private volatile SystemMessages messages;

    @Activate
    public HostRenewals(@Reference HostCertificates hosts, @Reference Issuers issuers,
            @Reference StoredRenewalPolicies policies) {
        this.hosts = hosts;
        this.issuers = issuers;
        this.policies = policies;
    }

    /** Every plug-in's responders; the first that offers one for an issuer answers its challenges. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResponders(ChallengeResponders added) {
        responders.add(added);
    }

    void removeResponders(ChallengeResponders removed) {
        responders.remove(removed);
    }

    /** Where a failed scheduled renewal was reported: a success marks that message read. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setMessages(SystemMessages added) {
        messages = added;
    }

    void unsetMessages(SystemMessages removed) {
        if (messages == removed) {
            messages = null;
        }
    }

    /** The system messages, or {@code null} where there are none. */
    SystemMessages messages() {
        return messages;
    }

    StoredRenewalPolicies policies() {
        return policies;
    }

    @Override
    public ApplyResult renew(String targetId, String issuer, RenewalMonitor monitor)
            throws RenewalException, HostCertificateException {
        Issuer chosen = issuer(new Request(Optional.ofNullable(issuer).filter(name -> !name.isBlank()), true));
        // the Host view's renewal: beside a renewal:run it would renew the same target twice
        Result result = alone(() -> renewOne(targetId, chosen, monitor));
        if (result.succeeded()) {
            return result.applied();
        }
        throw result.failure();
    }

    /**
     * Runs {@code work} holding the home's run lock, the one {@code renewal:run} and {@code agent:renew} hold: a
     * {@code host:renew} beside a run would plan from the same certificates and renew a target twice.
     *
     * @throws RenewalException if another renewal is under way (it does not wait), or the lock cannot be taken
     */
    public <T> T alone(AgentRenewal.Alone<T> work) throws RenewalException {
        return RunLock.alone(policies.home(), work);
    }

    /**
     * {@return the issuer of this request: the one named, else the host policy's}
     *
     * @throws RenewalException if none is named or configured, or there is no issuer of that name
     */
    Issuer issuer(Request request) throws RenewalException {
        RenewalPolicy policy = policies.readablePolicy(IssueKind.HOST);
        Optional<String> name = request.issuer().or(policy::issuer);
        if (name.isEmpty()) {
            throw new RenewalException(Messages.Host_noIssuer);
        }
        try {
            return issuers.get(name.get());
        } catch (IssuerException e) {
            throw new RenewalException(e.getMessage(), e);
        }
    }

    /** {@return the ids of every target that is configured} */
    public List<String> configuredTargets() {
        return hosts.targets().stream().filter(target -> target.configured()).map(target -> target.id()).toList();
    }

    /**
     * Looks at each target (one handshake each) and decides: renew it, or leave it and why. Changes nothing.
     *
     * @throws RenewalException if the policy cannot be read
     */
    public HostPlan plan(Collection<String> targets, Request request) throws RenewalException {
        RenewalPolicy policy = policies.readablePolicy(IssueKind.HOST);
        List<HostPlan.Step> renew = new ArrayList<>();
        List<HostPlan.Step> left = new ArrayList<>();
        for (String target : targets) {
            TargetStatus status;
            try {
                status = hosts.show(target);
            } catch (HostCertificateException e) {
                left.add(new HostPlan.Step(target, e.getMessage(), true));
                continue;
            }
            if (!status.configured()) {
                left.add(new HostPlan.Step(status.id(), NLS.bind(Messages.Host_notConfigured, status.displayName(),
                        status.id()), true));
                continue;
            }
            Certificate current = status.certificate();
            if (current == null && status.problem() != null) {
                // an unreachable service would fail its confirming handshake: renewing it now changes nothing good
                left.add(new HostPlan.Step(status.id(), status.problem(), true));
                continue;
            }
            if (current == null) {
                renew.add(new HostPlan.Step(status.id(), Messages.Host_noCertificate, false));
                continue;
            }
            Due due = StoredRenewalPolicies.due(policy.due(), current, policies.clock().instant());
            if (due.due()) {
                renew.add(new HostPlan.Step(status.id(), due.reason(), false));
            } else if (request.force()) {
                renew.add(new HostPlan.Step(status.id(), NLS.bind(Messages.Renew_forced, due.reason()), false));
            } else {
                left.add(new HostPlan.Step(status.id(), due.reason(), false));
            }
        }
        return new HostPlan(renew, left);
    }

    /**
     * Renews the planned targets one after the other; a failure of one is its result, the others go on.
     *
     * @throws RenewalException if the issuer cannot be found
     */
    public List<Result> renew(HostPlan plan, Request request, RenewalMonitor monitor) throws RenewalException {
        if (plan.renew().isEmpty()) {
            return List.of();
        }
        Issuer issuer = issuer(request);
        List<Result> results = new ArrayList<>();
        for (HostPlan.Step step : plan.renew()) {
            results.add(renewOne(step.target(), issuer, monitor));
        }
        return results;
    }

    private Result renewOne(String target, Issuer issuer, RenewalMonitor monitor) {
        Result result;
        try {
            ApplyResult applied = hosts.renew(target, options(issuer, target),
                    new IssuerSigner(issuer, responder(issuer, target)), monitor);
            result = new Result(target, applied, null);
        } catch (HostCertificateException e) {
            result = new Result(target, null, e);
        }
        remember(result);
        return result;
    }

    /**
     * The host identity's names; without its static addresses for an issuer that certifies none, so that host
     * renewal through an ACME CA asks for the hostname and FQDN only (the FQDN first: the common name). Names
     * given for the target ({@link HostCertificates#NAMES_SETTING}) are asked for as they are, for every issuer.
     */
    private RenewalOptions options(Issuer issuer, String target) throws HostCertificateException {
        if (issuer.certifiesIpAddresses() || hosts.settings(target).value(HostCertificates.NAMES_SETTING)
                .filter(names -> !names.isBlank()).isPresent()) {
            return RenewalOptions.DEFAULT;
        }
        HostIdentity host = hosts.host();
        return new RenewalOptions(List.of(host.fqdn(), host.hostname()).stream().distinct().toList(),
                Optional.empty());
    }

    private void clearMessage(Attempt attempt) {
        SystemMessages current = messages;
        if (current == null || attempt.messageId().isEmpty()) {
            return;
        }
        try {
            current.markRead(attempt.messageId());
        } catch (IllegalArgumentException e) {
            // the message was deleted meanwhile: nothing left to clear
        }
    }

    /** The time the issuer asked not to be tried before (the cause the signer kept), where it said one. */
    private static Optional<java.time.Instant> retryAfter(HostCertificateException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IssuerException issuer) {
                return issuer.retryAfter();
            }
        }
        return Optional.empty();
    }

    private ChallengeResponder responder(Issuer issuer, String target) {
        for (ChallengeResponders each : responders) {
            Optional<ChallengeResponder> offered = each.responder(issuer, IssueKind.HOST, target);
            if (offered.isPresent()) {
                return offered.get();
            }
        }
        return ChallengeResponder.NONE;
    }

    /** Backoff and bell state of the target; a state that cannot be written is logged, the renewal stands. */
    private void remember(Result result) {
        try {
            if (result.succeeded()) {
                policies.home().attempts().succeeded(IssueKind.HOST, result.target()).ifPresent(this::clearMessage);
            } else if (!result.canceled()) {
                String kind = FailureKind.of(result.failure()).label();
                // a new kind of failure is a new message: the one posted for the old kind does not say it
                policies.home().attempts().failed(IssueKind.HOST, result.target(), kind, result.message(),
                        retryAfter(result.failure()), policies.clock().instant(), Backoff.DEFAULT, before -> before
                                .filter(attempt -> attempt.failureKind().equals(kind)).map(Attempt::messageId)
                                .orElse("")); //$NON-NLS-1$
            }
        } catch (IOException e) {
            System.getLogger(HostRenewals.class.getName()).log(System.Logger.Level.WARNING,
                    NLS.bind(Messages.Settings_cannotWrite, policies.home().attempts().file().path(), e.getMessage()),
                    e);
        }
    }
}
