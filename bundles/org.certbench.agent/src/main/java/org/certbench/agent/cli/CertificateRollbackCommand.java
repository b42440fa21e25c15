package org.certbench.agent.cli;

import java.util.List;

import org.certbench.agent.Messages;
import org.certbench.agent.certificates.CertificateManager;
import org.certbench.agents.protocol.CertificateInfo;
import org.certbench.agents.protocol.ProtocolException;

/**
 * {@code certificate-rollback}: back to the pair kept before a switch to a new key, for the administrator whose
 * console could not finish the switch (the agent has no timer of its own to do it).
 */
final class CertificateRollbackCommand implements CliCommand {

    @Override
    public String name() {
        return "certificate-rollback";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of();
    }

    @Override
    public void execute(ParsedArguments arguments, CliContext context) throws ProtocolException {
        CertificateManager.PairInUse rolledBack = context.certificates(arguments).rollBackByHand();
        CertificateInfo inUse = rolledBack.inUse();
        context.out().println(Messages.format("CLI_ROLLED_BACK", inUse.subject(), inUse.sha256Fingerprint()));
        if (rolledBack.warning() != null) {
            context.err().println(rolledBack.warning());
        }
    }
}
