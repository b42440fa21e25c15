package org.certbench.issuers.internal.commands;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.apache.felix.service.command.CommandProcessor;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.connector.TrustState;
import org.certbench.core.TextBundle;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.certbench.crypto.Certificate;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.Issuers;
import org.certbench.issuers.internal.Messages;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code agent:revoke NAME…}: revokes the certificate this console trusts each agent on — the one it presents now
 * when trusted, its pinned certificate when it cannot be reached — at the issuer of this console that issued it; from
 * then on the agent is untrusted, "revoked on …". An untrusted certificate at the agent's address is not revoked. In the issuers' bundle, not the connector's: the
 * connector knows no issuers.
 */
@Component(service = RevokeCommand.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=agent",
        CommandProcessor.COMMAND_FUNCTION + "=revoke",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.issuers.internal.commands.help" })
public final class RevokeCommand {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'") //$NON-NLS-1$
            .withZone(ZoneOffset.UTC);

    private final AgentFleet fleet;
    private final Issuers issuers;

    @Activate
    public RevokeCommand(@Reference AgentFleet fleet, @Reference Issuers issuers) {
        this.fleet = fleet;
        this.issuers = issuers;
    }

    public List<RevokeOutcome> revoke(String... names) {
        if (names == null || names.length == 0) {
            throw new CommandException(Messages.Revoke_noNames);
        }
        List<RevokeOutcome> lines = new ArrayList<>();
        for (String name : new LinkedHashSet<>(List.of(names))) {
            lines.add(revokeOne(name));
        }
        long failed = lines.stream().filter(line -> RevokeOutcome.FAILED.equals(line.result())).count();
        if (failed > 0) {
            StringBuilder message = new StringBuilder(batchFailed(failed, lines.size()));
            lines.forEach(line -> message.append(System.lineSeparator()).append(NLS.bind(Messages.Revoke_line,
                    new Object[] { line.agent(), line.result(), line.detail() })));
            throw new CommandException(message.toString());
        }
        return lines;
    }

    /** {@return the first line of a failed revoke: "revoke: 1 of 1 agent failed", "revoke: 2 of 3 agents failed"} */
    static String batchFailed(long failed, int agents) {
        return TextBundle.fill(Messages.Revoke_batchFailed, failed, agents);
    }

    private RevokeOutcome revokeOne(String name) {
        AgentStatus status;
        try {
            status = fleet.status(name);
        } catch (FleetException e) {
            return new RevokeOutcome(name, RevokeOutcome.FAILED, e.getMessage());
        }
        Certificate certificate;
        if (status.isTrusted()) {
            certificate = status.certificate();
        } else if (status.state() == TrustState.UNREACHABLE) {
            // what it was last trusted on: revoking must not wait for a lost or stolen agent to answer
            certificate = status.agent().pinnedCertificate();
            if (certificate == null || issuers.issuerOf(certificate).isEmpty()) {
                return new RevokeOutcome(name, RevokeOutcome.FAILED,
                        NLS.bind(Messages.Revoke_unreachable, status.reason()));
            }
        } else {
            // whatever answers at its address now is not what this console trusts for it: revoking it could
            // revoke another agent's certificate
            return new RevokeOutcome(name, RevokeOutcome.FAILED, NLS.bind(Messages.Revoke_untrusted, status.reason()));
        }
        Optional<Issuer> issuer = issuers.issuerOf(certificate);
        if (issuer.isEmpty()) {
            return new RevokeOutcome(name, RevokeOutcome.FAILED,
                    NLS.bind(Messages.Revoke_notOurs, certificate.subject(), certificate.issuer()));
        }
        if (!issuer.get().canRevoke()) {
            return new RevokeOutcome(name, RevokeOutcome.FAILED,
                    NLS.bind(Messages.Revoke_cannotRevoke, issuer.get().name()));
        }
        try {
            Instant revoked = issuer.get().revoke(certificate);
            return new RevokeOutcome(name, RevokeOutcome.OK, NLS.bind(Messages.Revoke_revoked, new Object[] {
                    certificate.subject(), certificate.serialNumber().toString(16), issuer.get().name(),
                    SHOWN.format(revoked) }));
        } catch (IssuerException e) {
            return new RevokeOutcome(name, RevokeOutcome.FAILED, e.getMessage());
        }
    }
}
