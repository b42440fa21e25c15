package org.certbench.agent.cli;

import java.util.List;

import org.certbench.agents.protocol.ProtocolException;

/** {@code certificate-get [--out-file F]}: the certificate in use, PEM. */
final class CertificateGetCommand implements CliCommand {

    @Override
    public String name() {
        return "certificate-get";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.value("out-file"));
    }

    @Override
    public void execute(ParsedArguments arguments, CliContext context) throws ProtocolException {
        String pem = context.certificates(arguments).identity().certificate().pem();
        context.writeOutput(arguments, pem);
    }
}
