package org.certbench.renewal.internal.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Parameter;
import org.certbench.core.TextBundle;
import org.certbench.core.commands.BatchFailedException;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.certbench.host.RenewalMonitor;
import org.certbench.renewal.RenewalException;
import org.certbench.renewal.internal.CommandMessages;
import org.certbench.renewal.internal.HostPlan;
import org.certbench.renewal.internal.HostRenewals;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code host:renew} — renews due host service certificates through an issuer. It lives here, beside
 * {@code agent:renew}, for the same reason: the host bundle knows no issuers, renewal knows both. One line per
 * target; fails (non-zero exit, every line in the message and in {@code --json}) when any target failed, and a
 * target that failed serves its current certificate.
 */
@Component(service = HostRenewCommand.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=host",
        CommandProcessor.COMMAND_FUNCTION + "=renew",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.renewal.internal.commands.hosthelp" })
public final class HostRenewCommand {

    // what scripts compare (--json): identifiers, not words to translate
    static final String RENEWED = "renewed"; //$NON-NLS-1$
    static final String FAILED = "failed"; //$NON-NLS-1$
    static final String CANCELLED = "cancelled"; //$NON-NLS-1$
    static final String DUE = "due"; //$NON-NLS-1$
    static final String LEFT = "left"; //$NON-NLS-1$

    private final HostRenewals renewals;

    @Activate
    public HostRenewCommand(@Reference HostRenewals renewals) {
        this.renewals = renewals;
    }

    public List<HostRenewOutcome> renew(
            @Parameter(names = "--issuer", absentValue = "") String issuer,
            @Parameter(names = "--force", presentValue = "true", absentValue = "false") boolean force,
            @Parameter(names = "--dry-run", presentValue = "true", absentValue = "false") boolean dryRun,
            @Parameter(names = "--all", presentValue = "true", absentValue = "false") boolean all,
            String... targets) {
        boolean named = targets != null && targets.length > 0;
        if (all == named) {
            throw new CommandException(CommandMessages.HostRenew_whichTargets);
        }
        List<String> selection = all ? renewals.configuredTargets() : Arrays.asList(targets);
        HostRenewals.Request request = new HostRenewals.Request(
                issuer.isBlank() ? Optional.empty() : Optional.of(issuer.strip()), force);
        try {
            HostPlan plan = renewals.plan(selection, request);
            List<HostRenewOutcome> lines = new ArrayList<>();
            boolean failed = false;
            if (dryRun) {
                plan.renew().forEach(step -> lines.add(new HostRenewOutcome(step.target(), DUE, step.reason())));
            } else {
                for (HostRenewals.Result result : renewals.alone(() -> renewals.renew(plan, request,
                        RenewalMonitor.NONE))) {
                    lines.add(line(result));
                    failed |= !result.succeeded();
                }
            }
            for (HostPlan.Step step : plan.left()) {
                lines.add(new HostRenewOutcome(step.target(), step.failed() ? FAILED : LEFT, step.reason()));
                failed |= step.failed();
            }
            lines.sort((a, b) -> selection.indexOf(a.target()) - selection.indexOf(b.target()));
            if (failed) {
                throw new BatchFailedException(failure(lines), lines);
            }
            return lines;
        } catch (RenewalException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private static HostRenewOutcome line(HostRenewals.Result result) {
        if (result.succeeded()) {
            var applied = result.applied().applied();
            return new HostRenewOutcome(result.target(), RENEWED, NLS.bind(CommandMessages.HostRenew_renewed,
                    new Object[] { applied.sha256Fingerprint(), applied.notAfter(), applied.issuerCommonName() }));
        }
        return new HostRenewOutcome(result.target(), result.canceled() ? CANCELLED : FAILED, result.message());
    }

    private static String failure(List<HostRenewOutcome> lines) {
        long failed = lines.stream().filter(line -> line.result().equals(FAILED) || line.result().equals(CANCELLED))
                .count();
        StringBuilder message = new StringBuilder(TextBundle.fill(CommandMessages.HostRenew_failed, failed,
                lines.size()));
        lines.forEach(line -> message.append(System.lineSeparator()).append(NLS.bind(CommandMessages.Renew_line,
                new Object[] { line.target(), line.result(), line.detail() })));
        return message.toString();
    }
}
