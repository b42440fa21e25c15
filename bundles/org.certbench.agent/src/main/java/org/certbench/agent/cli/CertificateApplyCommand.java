package org.certbench.agent.cli;

import java.nio.file.Path;
import java.util.List;

import org.certbench.agent.Messages;
import org.certbench.agents.protocol.ApplyCertificateResponse;
import org.certbench.agents.protocol.ProtocolException;

/** {@code certificate-apply --ca-file F --file F [--what-if]}: verify a CA-issued certificate and put it in use. */
final class CertificateApplyCommand implements CliCommand {

    @Override
    public String name() {
        return "certificate-apply";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.value("ca-file"), OptionSpec.value("file"), OptionSpec.flag("what-if"));
    }

    @Override
    public void execute(ParsedArguments arguments, CliContext context) throws ProtocolException {
        Path caFile = CliContext.path(arguments.required("ca-file"), "ca-file");
        Path file = CliContext.path(arguments.required("file"), "file");
        boolean whatIf = arguments.flag("what-if");
        ApplyCertificateResponse response = context.certificates(arguments).applyIssued(caFile, file, whatIf);
        context.out().println(Messages.format(whatIf ? "CLI_APPLY_CHECKED" : "CLI_APPLIED", file,
                response.certificate().subject(), response.certificate().issuer(),
                response.certificate().sha256Fingerprint()));
    }
}
