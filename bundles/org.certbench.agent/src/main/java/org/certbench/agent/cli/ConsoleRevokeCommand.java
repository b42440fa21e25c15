package org.certbench.agent.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.certbench.agent.Messages;
import org.certbench.agent.certificates.AgentErrors;
import org.certbench.agents.protocol.ErrorCode;
import org.certbench.agents.protocol.ProtocolException;
import org.certbench.crypto.Fingerprints;
import org.certbench.crypto.InvalidRequestException;

/** {@code console-revoke SHA256-FINGERPRINT}: stop accepting a console; its next request gets 403. */
final class ConsoleRevokeCommand implements CliCommand {

    @Override
    public String name() {
        return "console-revoke";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of();
    }

    @Override
    public int maxPositionals() {
        return 1;
    }

    @Override
    public void execute(ParsedArguments arguments, CliContext context) throws ProtocolException {
        if (arguments.positionals().isEmpty()) {
            throw ParsedArguments.usage("CLI_MISSING_FINGERPRINT");
        }
        String given = arguments.positionals().get(0);
        String digits;
        try {
            digits = Fingerprints.parseSha256(given);
        } catch (InvalidRequestException e) {
            throw ParsedArguments.usage("CLI_INVALID_FINGERPRINT", e.getMessage());
        }
        boolean revoked;
        try {
            revoked = context.consoles(arguments).revoke(digits);
        } catch (IOException e) {
            throw AgentErrors.fromStateIo(e, context.stateLocation(arguments));
        }
        if (!revoked) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, Messages.format("CLI_CONSOLE_NOT_FOUND", given),
                    Map.of("sha256Fingerprint", given), null);
        }
        context.out().println(Messages.format("CLI_CONSOLE_REVOKED", given));
    }
}
