package org.certbench.agent.cli;

import java.util.List;

import org.certbench.agent.Messages;
import org.certbench.agents.protocol.ApplySelfSignedResponse;
import org.certbench.agents.protocol.ProtocolException;

/** {@code certificate-apply-self-signed [--rekey]}: back to a self-signed certificate, optionally with a new key. */
final class CertificateApplySelfSignedCommand implements CliCommand {

    @Override
    public String name() {
        return "certificate-apply-self-signed";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.flag("rekey"));
    }

    @Override
    public void execute(ParsedArguments arguments, CliContext context) throws ProtocolException {
        ApplySelfSignedResponse response = context.certificates(arguments).applySelfSigned(arguments.flag("rekey"));
        context.out().println(Messages.format("CLI_SELF_SIGNED_" + response.outcome().name(),
                response.certificate().subject(), response.certificate().sha256Fingerprint()));
    }
}
