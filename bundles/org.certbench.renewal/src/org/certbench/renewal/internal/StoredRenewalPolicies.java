package org.certbench.renewal.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.certbench.core.FailureLog;
import org.certbench.core.StateDirectory;
import org.certbench.core.TextBundle;
import org.certbench.crypto.Certificate;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.Issuers;
import org.certbench.renewal.Coverage;
import org.certbench.renewal.Due;
import org.certbench.renewal.DueRule;
import org.certbench.renewal.RenewalException;
import org.certbench.renewal.RenewalPolicies;
import org.certbench.renewal.RenewalPolicy;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The policies, adoptions and attempts of {@code <home>/renewal/}. */
// also offered as its own type: the bundle's commands and scheduler need what the API does not show (the home, the
// attempts), and must not depend on which implementation is registered for the API by casting
@Component(service = { RenewalPolicies.class, StoredRenewalPolicies.class })
public final class StoredRenewalPolicies implements RenewalPolicies {

    private static final System.Logger LOG = System.getLogger(StoredRenewalPolicies.class.getName());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'") //$NON-NLS-1$
            .withZone(ZoneOffset.UTC);

    private final RenewalHome home;
    private final Clock clock;
    private final FailureLog readFailures = new FailureLog(LOG);
    private volatile Issuers issuers;

    @Activate
    public StoredRenewalPolicies() {
        this(RenewalHome.in(StateDirectory.area("renewal")), Clock.systemUTC()); //$NON-NLS-1$
    }

    StoredRenewalPolicies(RenewalHome home, Clock clock) {
        this.home = home;
        this.clock = clock;
    }

    /** The issuers decide which certificates are this console's own; without them only adopted agents are. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setIssuers(Issuers issuers) {
        this.issuers = issuers;
    }

    void unsetIssuers(Issuers gone) {
        if (issuers == gone) {
            issuers = null;
        }
    }

    RenewalHome home() {
        return home;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public RenewalPolicy policy(IssueKind kind) {
        try {
            RenewalPolicy policy = PolicyFormat.read(kind, home.policies().read());
            readFailures.succeeded(() -> NLS.bind(Messages.Settings_readAgain, home.policies().path()));
            return policy;
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable policy renews nothing on its own: the reason is logged once, and dry runs show it
            readFailures.failed(NLS.bind(Messages.Settings_cannotRead, home.policies().path(), e.getMessage()), e);
            return RenewalPolicy.unconfigured(kind);
        }
    }

    /** As {@link #policy}, but a policy file that cannot be read is the caller's failure, in words. */
    RenewalPolicy readablePolicy(IssueKind kind) throws RenewalException {
        try {
            return PolicyFormat.read(kind, home.policies().read());
        } catch (IOException | IllegalArgumentException e) {
            throw new RenewalException(NLS.bind(Messages.Settings_cannotRead, home.policies().path(), e.getMessage()),
                    e);
        }
    }

    @Override
    public void setPolicy(RenewalPolicy policy) throws RenewalException {
        try {
            home.policies().change(entries -> PolicyFormat.write(policy, entries));
        } catch (IOException e) {
            throw new RenewalException(NLS.bind(Messages.Settings_cannotWrite, home.policies().path(), e.getMessage()),
                    e);
        }
    }

    @Override
    public Due due(IssueKind kind, Certificate certificate) {
        return due(policy(kind).due(), certificate, clock.instant());
    }

    /** {@return whether the certificate is due under the rule at {@code now}, with the reason in words} */
    static Due due(DueRule rule, Certificate certificate, Instant now) {
        Instant notAfter = certificate.notAfter();
        Instant dueAt = rule.dueAt(certificate.notBefore(), notAfter);
        boolean due = rule.isDue(certificate.notBefore(), notAfter, now);
        String ruleText = NLS.bind(Messages.Due_rule, rule.fraction(), hours(rule.atMost()));
        String reason;
        if (!now.isBefore(notAfter)) {
            reason = NLS.bind(Messages.Due_expired, DAY.format(notAfter), ruleText);
        } else if (due) {
            reason = NLS.bind(Messages.Due_due, new Object[] { DAY.format(notAfter), hours(Duration.between(now,
                    notAfter)), DAY.format(dueAt), ruleText });
        } else {
            reason = NLS.bind(Messages.Due_notYet, new Object[] { DAY.format(notAfter), hours(Duration.between(now,
                    notAfter)), DAY.format(dueAt), ruleText });
        }
        return new Due(due, dueAt, notAfter, reason);
    }

    /** A span in words: days when at least two, else hours. */
    static String hours(Duration span) {
        long hours = span.toHours();
        return hours >= 48 ? TextBundle.fill(Messages.Span_days, hours / 24)
                : TextBundle.fill(Messages.Span_hours, hours);
    }

    @Override
    public Coverage coverage(IssueKind kind, String target, Certificate certificate) {
        RenewalPolicy policy = policy(kind);
        Instant dueAt = policy.due().dueAt(certificate.notBefore(), certificate.notAfter());
        boolean covered = policy.scheduled() && (kind == IssueKind.HOST || isOwn(target, certificate));
        Optional<String> failure;
        try {
            failure = home.attempts().get(kind, target).map(Attempt::reason);
        } catch (IOException e) {
            failure = Optional.of(NLS.bind(Messages.Settings_cannotRead, home.attempts().file().path(),
                    e.getMessage()));
        }
        return new Coverage(covered, failure, dueAt);
    }

    /** Whether this console renews the agent: it issued the agent's certificate, or adopted the agent. */
    boolean isOwn(String agent, Certificate certificate) {
        Issuers known = issuers;
        if (known != null && known.issuerOf(certificate).isPresent()) {
            return true;
        }
        return adopted().contains(agent);
    }

    @Override
    public Set<String> adopted() {
        try {
            return new TreeSet<>(home.adopted().read().keySet());
        } catch (IOException e) {
            readFailures.failed(NLS.bind(Messages.Settings_cannotRead, home.adopted().path(), e.getMessage()), e);
            return Set.of();
        }
    }

    @Override
    public void adopt(Collection<String> agents) throws RenewalException {
        String now = clock.instant().toString();
        try {
            home.adopted().change(entries -> agents.forEach(agent -> entries.putIfAbsent(agent, now)));
        } catch (IOException e) {
            throw new RenewalException(NLS.bind(Messages.Settings_cannotWrite, home.adopted().path(), e.getMessage()),
                    e);
        }
    }

    /**
     * Ends the adoption of agents renewed since: their certificate now comes from one of this console's issuers,
     * which decides from then on. A mark kept forever would let two consoles that once adopted an agent flip it
     * between their CAs at every renewal.
     */
    void endAdoption(Collection<String> renewed) throws IOException {
        Set<String> adopted = adopted();
        List<String> ending = renewed.stream().filter(adopted::contains).toList();
        if (!ending.isEmpty()) {
            home.adopted().change(entries -> ending.forEach(entries::remove));
        }
    }

    /** For tests and the scheduler: the entries as this process sees them now. */
    Map<String, String> attemptsNow() throws IOException {
        return home.attempts().file().read();
    }
}
