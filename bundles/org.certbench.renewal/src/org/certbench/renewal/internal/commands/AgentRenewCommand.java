package org.certbench.renewal.internal.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Parameter;
import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AppliedCertificate;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.core.TextBundle;
import org.certbench.core.commands.BatchFailedException;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.certbench.issuers.Issuers;
import org.certbench.renewal.RenewalException;
import org.certbench.renewal.internal.AgentRenewal;
import org.certbench.renewal.internal.CommandMessages;
import org.certbench.renewal.internal.StoredRenewalPolicies;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code agent:renew} — renews due agents through an issuer, the renewal bundle's part of the {@code agent} scope
 * (the connector knows no issuers). Returns one line per agent; fails (non-zero exit) when any agent failed, with
 * every line in the message.
 */
@Component(service = AgentRenewCommand.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=agent",
        CommandProcessor.COMMAND_FUNCTION + "=renew",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.renewal.internal.commands.help" })
public final class AgentRenewCommand {

    private final AgentFleet fleet;
    private final AgentRenewal renewal;

    @Activate
    public AgentRenewCommand(@Reference AgentFleet fleet, @Reference Issuers issuers,
            @Reference StoredRenewalPolicies policies) {
        this.fleet = fleet;
        this.renewal = new AgentRenewal(fleet, issuers, policies);
    }

    public List<RenewOutcome> renew(
            @Parameter(names = "--issuer", absentValue = "") String issuer,
            @Parameter(names = "--rekey", presentValue = "true", absentValue = "false") boolean rekey,
            @Parameter(names = "--force", presentValue = "true", absentValue = "false") boolean force,
            @Parameter(names = "--adopt", presentValue = "true", absentValue = "false") boolean adopt,
            @Parameter(names = "--dry-run", presentValue = "true", absentValue = "false") boolean dryRun,
            @Parameter(names = "--all", presentValue = "true", absentValue = "false") boolean all,
            String... names) {
        List<String> selection = selection(all, names);
        AgentRenewal.Request request = new AgentRenewal.Request(
                issuer.isBlank() ? Optional.empty() : Optional.of(issuer.strip()), rekey, force, adopt);
        try {
            // a dry run changes nothing and may look while a renewal runs
            return dryRun ? renew(selection, request, true) : renewal.alone(() -> renew(selection, request, false));
        } catch (RenewalException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private List<RenewOutcome> renew(List<String> selection, AgentRenewal.Request request, boolean dryRun)
            throws RenewalException {
        var plan = renewal.plan(selection, request, BatchMonitor.NONE);
        List<RenewOutcome> lines = new ArrayList<>();
        boolean failed = false;
        if (dryRun) {
            plan.renew().forEach(step -> lines.add(new RenewOutcome(step.agent(), RenewOutcome.DUE,
                    step.reason())));
        } else {
            AgentRenewal.Renewed renewed = renewal.renew(plan, request, BatchMonitor.NONE);
            for (AgentResult<AppliedCertificate> result : renewed.result().results()) {
                lines.add(line(result, renewed));
                failed |= !result.succeeded();
            }
        }
        for (var step : plan.left()) {
            lines.add(new RenewOutcome(step.agent(), step.failed() ? RenewOutcome.FAILED : RenewOutcome.LEFT,
                    step.reason()));
            failed |= step.failed();
        }
        lines.sort((a, b) -> selection.indexOf(a.agent()) - selection.indexOf(b.agent()));
        if (failed) {
            throw new BatchFailedException(failure(lines), lines);
        }
        return lines;
    }

    static RenewOutcome line(AgentResult<AppliedCertificate> result, AgentRenewal.Renewed renewed) {
        return switch (result.outcome()) {
            // a renewal that worked may carry a note for the administrator (the agent could not be told to forget
            // its previous key): it is part of the line, not dropped
            case SUCCEEDED -> new RenewOutcome(result.agent(), RenewOutcome.RENEWED, result.message() == null
                    ? NLS.bind(CommandMessages.Renew_renewed, result.value().certificate().sha256Fingerprint(),
                            result.value().certificate().notAfter())
                    : NLS.bind(CommandMessages.Renew_renewedWithNote, new Object[] {
                            result.value().certificate().sha256Fingerprint(),
                            result.value().certificate().notAfter(), result.message() }));
            case FAILED -> new RenewOutcome(result.agent(), RenewOutcome.FAILED, renewed.failure(result));
            case CANCELED -> new RenewOutcome(result.agent(), RenewOutcome.CANCELLED, result.message());
        };
    }

    private static String failure(List<RenewOutcome> lines) {
        long failed = lines.stream().filter(line -> !line.result().equals(RenewOutcome.RENEWED)
                && !line.result().equals(RenewOutcome.DUE) && !line.result().equals(RenewOutcome.LEFT)).count();
        StringBuilder message = new StringBuilder(TextBundle.fill(CommandMessages.Renew_failed, failed,
                lines.size()));
        lines.forEach(line -> message.append(System.lineSeparator()).append(NLS.bind(CommandMessages.Renew_line,
                new Object[] { line.agent(), line.result(), line.detail() })));
        return message.toString();
    }

    private List<String> selection(boolean all, String[] names) {
        boolean named = names != null && names.length > 0;
        if (all == named) {
            throw new CommandException(CommandMessages.Renew_whichAgents);
        }
        return all ? fleet.list().stream().map(AgentEntry::name).toList() : Arrays.asList(names);
    }
}
