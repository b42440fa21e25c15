package org.certbench.renewal.internal.commands;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Parameter;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.core.TextBundle;
import org.certbench.core.commands.BatchFailedException;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.UnsupportedKeyException;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.Issuers;
import org.certbench.messages.SystemMessages;
import org.certbench.renewal.DueRule;
import org.certbench.renewal.RenewalException;
import org.certbench.renewal.RenewalPolicy;
import org.certbench.renewal.internal.CommandMessages;
import org.certbench.renewal.internal.HostRenewals;
import org.certbench.renewal.internal.RenewalRun;
import org.certbench.renewal.internal.RunLine;
import org.certbench.renewal.internal.StoredRenewalPolicies;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code renewal:policy} and {@code renewal:run}: the policies in the home, and one run of them. */
@Component(service = RenewalCommands.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=renewal",
        CommandProcessor.COMMAND_FUNCTION + "=policy",
        CommandProcessor.COMMAND_FUNCTION + "=run",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.renewal.internal.commands.help" })
public final class RenewalCommands {

    private final StoredRenewalPolicies policies;
    private final RenewalRun run;

    @Activate
    public RenewalCommands(@Reference AgentFleet fleet, @Reference Issuers issuers,
            @Reference StoredRenewalPolicies policies, @Reference SystemMessages messages,
            @Reference HostRenewals hosts) {
        this.policies = policies;
        this.run = new RenewalRun(fleet, issuers, this.policies, messages, hosts);
    }

    public String policy(
            @Parameter(names = "--issuer", absentValue = "") String issuer,
            @Parameter(names = "--rekey", absentValue = "") String rekey,
            @Parameter(names = "--key-type", absentValue = "") String keyType,
            @Parameter(names = "--fraction", absentValue = "0") int fraction,
            @Parameter(names = "--at-most-days", absentValue = "0") int atMostDays,
            String kind) {
        IssueKind which = kind(kind);
        try {
            RenewalPolicy current = policies.policy(which);
            if (!issuer.isEmpty() || !rekey.isEmpty() || !keyType.isEmpty() || fraction != 0 || atMostDays != 0) {
                if (!rekey.isEmpty() && !rekey.equals("true") && !rekey.equals("false")) { //$NON-NLS-1$ //$NON-NLS-2$
                    throw new CommandException(NLS.bind(CommandMessages.Policy_badRekey, rekey));
                }
                if (!keyType.isEmpty() && which == IssueKind.HOST) {
                    // one place decides a host service's key type: its target's setting
                    throw new CommandException(CommandMessages.Policy_keyTypeForAgents);
                }
                KeyType newKeyType;
                try {
                    newKeyType = keyType.isEmpty() ? current.keyType() : KeyType.named(keyType);
                } catch (UnsupportedKeyException e) {
                    throw new CommandException(NLS.bind(CommandMessages.Policy_badKeyType, e.getMessage()));
                }
                DueRule due;
                try {
                    due = new DueRule(fraction != 0 ? fraction : current.due().fraction(),
                            atMostDays != 0 ? Duration.ofDays(atMostDays) : current.due().atMost());
                } catch (IllegalArgumentException e) {
                    throw new CommandException(CommandMessages.Policy_badRule, e);
                }
                Optional<String> newIssuer = issuer.isEmpty() ? current.issuer()
                        : issuer.equals("-") ? Optional.empty() : Optional.of(issuer.strip()); //$NON-NLS-1$
                current = new RenewalPolicy(which, newIssuer, due, rekey.isEmpty() ? current.rekey()
                        : Boolean.parseBoolean(rekey), newKeyType);
                policies.setPolicy(current);
            }
            return TextBundle.fill(CommandMessages.Policy_shown, new Object[] { which.label(),
                    current.issuer().orElse(CommandMessages.Policy_noIssuer), current.due().fraction(),
                    current.due().atMost().toDays(), current.rekey()
                            ? NLS.bind(CommandMessages.Policy_rekey, current.keyType().displayName())
                            : CommandMessages.Policy_keepKey });
        } catch (RenewalException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    public List<RunLine> run() {
        try {
            List<RunLine> lines = run.run(BatchMonitor.NONE);
            if (lines.stream().anyMatch(line -> line.result().equals("failed"))) { //$NON-NLS-1$
                StringBuilder message = new StringBuilder(CommandMessages.Run_failed);
                lines.forEach(line -> message.append(System.lineSeparator()).append(NLS.bind(
                        CommandMessages.Run_line, new Object[] { line.kind(), line.target(), line.result(),
                                line.detail() })));
                throw new BatchFailedException(message.toString(), lines);
            }
            return lines;
        } catch (RenewalException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private static IssueKind kind(String kind) {
        for (IssueKind each : IssueKind.values()) {
            if (each.label().equals(kind.toLowerCase(Locale.ROOT))) {
                return each;
            }
        }
        throw new CommandException(NLS.bind(CommandMessages.Policy_badKind, kind));
    }
}
