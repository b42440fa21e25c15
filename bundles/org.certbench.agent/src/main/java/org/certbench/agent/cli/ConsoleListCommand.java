package org.certbench.agent.cli;

import java.io.IOException;
import java.util.List;

import org.certbench.agent.Messages;
import org.certbench.agent.certificates.AgentErrors;
import org.certbench.agents.protocol.ProtocolException;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;

/** {@code console-list}: one line per authorised console: fingerprint, subject, expiry. */
final class ConsoleListCommand implements CliCommand {

    @Override
    public String name() {
        return "console-list";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of();
    }

    @Override
    public void execute(ParsedArguments arguments, CliContext context) throws ProtocolException {
        List<Certificate> consoles;
        try {
            consoles = context.consoles(arguments).list();
        } catch (CertBenchCryptoException e) {
            throw AgentErrors.fromCrypto(e);
        } catch (IOException e) {
            throw AgentErrors.fromStateIo(e, context.stateLocation(arguments));
        }
        for (Certificate console : consoles) {
            context.out().println(Messages.format("CLI_CONSOLE_LINE", console.sha256Fingerprint(), console.subject(),
                    console.notAfter().toString()));
        }
    }
}
