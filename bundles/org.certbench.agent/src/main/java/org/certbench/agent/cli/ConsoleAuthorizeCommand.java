package org.certbench.agent.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.certbench.agent.Messages;
import org.certbench.agent.certificates.AgentErrors;
import org.certbench.agents.protocol.ProtocolException;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;

/** {@code console-authorize --file CONSOLE.pem}: accept management calls from the console with this certificate. */
final class ConsoleAuthorizeCommand implements CliCommand {

    @Override
    public String name() {
        return "console-authorize";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.value("file"));
    }

    @Override
    public void execute(ParsedArguments arguments, CliContext context) throws ProtocolException {
        Path file = CliContext.path(arguments.required("file"), "file");
        Certificate certificate;
        try {
            certificate = Certificates.read(file).certificate();
        } catch (CertBenchCryptoException e) {
            throw AgentErrors.fromCrypto(e);
        }
        var consoles = context.consoles(arguments);
        boolean added;
        try {
            added = consoles.authorize(certificate);
        } catch (IOException e) {
            throw AgentErrors.fromStateIo(e, context.stateLocation(arguments));
        }
        context.out().println(Messages.format(added ? "CLI_CONSOLE_AUTHORIZED" : "CLI_CONSOLE_ALREADY_AUTHORIZED",
                certificate.subject(), certificate.sha256Fingerprint()));
    }
}
