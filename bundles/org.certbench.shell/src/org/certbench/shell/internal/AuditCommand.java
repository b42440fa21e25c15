package org.certbench.shell.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Parameter;
import org.certbench.core.AuditLog;
import org.certbench.core.AuditRecords;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;

/**
 * {@code audit:list [--since DAY]} — the console's audit log (in the home's {@code audit/}), oldest first. The log
 * is the product's, not one area's (every area writes to it through core's {@link AuditLog}), so its command lives
 * with {@code certbench:version} here.
 */
@Component(service = AuditCommand.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=audit",
        CommandProcessor.COMMAND_FUNCTION + "=list",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.shell.internal.audit" })
public final class AuditCommand {

    public List<AuditRow> list(
            @Parameter(names = "--since", absentValue = "") String since) {
        LocalDate from;
        try {
            from = since.isBlank() ? null : AuditLog.parseSince(since.strip());
        } catch (IllegalArgumentException e) {
            throw new CommandException(NLS.bind(Messages.Audit_badSince, e.getMessage()));
        }
        AuditLog log = AuditLog.ofHome();
        AuditRecords records;
        try {
            records = log.read(from);
        } catch (IOException e) {
            throw new CommandException(NLS.bind(Messages.Audit_unreadable, log.directory(), e.getMessage()), e);
        }
        List<AuditRow> rows = new ArrayList<>(records.entries().stream().map(AuditRow::of).toList());
        records.problems().stream().map(AuditRow::damaged).forEach(rows::add);
        return rows;
    }
}
