package org.certbench.renewal.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.AppliedCertificate;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.issuers.Issuers;
import org.certbench.messages.SystemMessages;
import org.certbench.renewal.RenewalException;
import org.certbench.renewal.Renewals;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link Renewals} service: the same run and renewal the shell's commands use, for the workbench. */
@Component(service = Renewals.class)
public final class RenewalService implements Renewals {

    private final RenewalRun run;
    private final AgentRenewal agents;

    /** Renewal over the fleet, the issuers and the policies of the home in use. */
    @Activate
    public RenewalService(@Reference AgentFleet fleet, @Reference Issuers issuers,
            @Reference StoredRenewalPolicies policies, @Reference SystemMessages messages,
            @Reference HostRenewals hosts) {
        this.run = new RenewalRun(fleet, issuers, policies, messages, hosts);
        this.agents = new AgentRenewal(fleet, issuers, policies);
    }

    @Override
    public boolean runScheduled(BatchMonitor monitor) throws RenewalException {
        try {
            run.run(monitor);
            return true;
        } catch (RunBusyException e) {
            return false;
        }
    }

    @Override
    public BatchResult<AppliedCertificate> issueAndApply(Collection<String> names, String issuer, boolean rekey,
            BatchMonitor monitor) throws RenewalException {
        // the administrator chose these agents: no plan (due, whose CA) stands between them and the issuer
        List<AgentPlan.Step> chosen = names.stream()
                .map(name -> new AgentPlan.Step(name, "", false)).toList(); //$NON-NLS-1$
        // a person's attempt: its failure is shown to that person, and leaves the schedule's next try where it was
        return agents.alone(() -> agents.renew(new AgentPlan(chosen, List.of()),
                new AgentRenewal.Request(Optional.of(issuer), rekey, true, false), monitor, false).result());
    }
}
