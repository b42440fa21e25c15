package org.certbench.agent.cli;

import java.util.Arrays;
import java.util.List;

import org.certbench.agents.protocol.CsrRequest;
import org.certbench.agents.protocol.ProtocolException;

/** {@code certificate-create-csr}: a CSR signed with the agent's key, PEM; the subject options are the seed's. */
final class CertificateCreateCsrCommand implements CliCommand {

    @Override
    public String name() {
        return "certificate-create-csr";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.value("out-file"), OptionSpec.value("common-name"), OptionSpec.value("organization"),
                OptionSpec.value("organization-unit"), OptionSpec.value("country"), OptionSpec.value("state"),
                OptionSpec.value("locality"), OptionSpec.value("alternative-names"));
    }

    @Override
    public void execute(ParsedArguments arguments, CliContext context) throws ProtocolException {
        List<String> names = arguments.value("alternative-names")
                .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList())
                .orElse(List.of());
        CsrRequest request = new CsrRequest(text(arguments, "common-name"), text(arguments, "organization"),
                text(arguments, "organization-unit"), text(arguments, "country"), text(arguments, "state"),
                text(arguments, "locality"), names);
        context.writeOutput(arguments, context.certificates(arguments).createCsr(request));
    }

    private static String text(ParsedArguments arguments, String option) {
        return arguments.value(option).orElse("");
    }
}
