package org.certbench.agent.cli;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.certbench.agent.Messages;
import org.certbench.agent.certificates.AgentErrors;
import org.certbench.agents.protocol.ProtocolException;
import org.certbench.core.AuditEntry;
import org.certbench.core.AuditLog;
import org.certbench.core.AuditRecords;

/**
 * {@code audit-list [--since DAY]}: the agent's audit log, oldest first, one line per change; lines the log could
 * not read (a last line cut off by a crash) are named on stderr and the intact entries still listed.
 */
final class AuditListCommand implements CliCommand {

    private static final String SINCE = "since";

    @Override
    public String name() {
        return "audit-list";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.value(SINCE));
    }

    @Override
    public void execute(ParsedArguments arguments, CliContext context) throws ProtocolException {
        LocalDate since = null;
        if (arguments.value(SINCE).isPresent()) {
            try {
                since = AuditLog.parseSince(arguments.value(SINCE).get());
            } catch (IllegalArgumentException e) {
                throw ParsedArguments.usage("CLI_INVALID_SINCE", e.getMessage());
            }
        }
        AuditRecords records;
        try {
            records = context.state(arguments).auditLog(context.clock()).read(since);
        } catch (IOException e) {
            throw AgentErrors.fromStateIo(e, context.stateLocation(arguments));
        }
        for (String problem : records.problems()) {
            context.err().println(problem);
        }
        for (AuditEntry entry : records.entries()) {
            context.out().println(Messages.format(entry.ok() ? "CLI_AUDIT_LINE" : "CLI_AUDIT_LINE_FAILED",
                    entry.time().toString(), entry.who(), entry.action(), String.valueOf(entry.object()),
                    dash(entry.before()), dash(entry.after()), entry.message()));
        }
    }

    private static String dash(String fingerprint) {
        return fingerprint == null ? "-" : fingerprint;
    }
}
