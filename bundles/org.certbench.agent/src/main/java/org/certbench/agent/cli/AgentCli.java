package org.certbench.agent.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.certbench.agent.Messages;
import org.certbench.agents.protocol.ErrorCode;
import org.certbench.agents.protocol.ErrorResponse;
import org.certbench.agents.protocol.ProtocolException;
import org.certbench.crypto.HostIdentity;

/**
 * The agent program's command line: {@code certbench-agent COMMAND [--state-dir DIR] [options]}. Exit
 * status 0 on success; on failure the error goes to stderr as the protocol's JSON error shape, with exit
 * status 2 for wrong arguments and 1 for everything else.
 */
public final class AgentCli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    private final Map<String, CliCommand> commands = new LinkedHashMap<>();
    private final CliContext context;

    public AgentCli(PrintStream out, PrintStream err, Supplier<HostIdentity> host, Clock clock) {
        this.context = new CliContext(out, err, host, clock);
        for (CliCommand command : List.of(new RunCommand(), new CertificateGetCommand(),
                new CertificateCreateCsrCommand(), new CertificateApplyCommand(), new CertificateApplySelfSignedCommand(),
                new CertificateRollbackCommand(),
                new ConsoleAuthorizeCommand(), new ConsoleListCommand(), new ConsoleRevokeCommand(),
                new AuditListCommand())) {
            commands.put(command.name(), command);
        }
    }

    /** Runs one command line and returns the exit status; {@code run} returns only when the agent stops. */
    public int run(String... arguments) {
        try {
            if (arguments.length == 0) {
                throw ParsedArguments.usage("CLI_NO_COMMAND");
            }
            if (List.of("--help", "-h", "help").contains(arguments[0])) {
                context.out().println(Messages.format("HELP_PROGRAM"));
                return EXIT_OK;
            }
            CliCommand command = commands.get(arguments[0]);
            if (command == null) {
                throw ParsedArguments.usage("CLI_UNKNOWN_COMMAND", arguments[0]);
            }
            List<OptionSpec> options = new ArrayList<>(command.options());
            options.add(OptionSpec.value(CliContext.STATE_DIR));
            ParsedArguments parsed = ParsedArguments.parse(command.name(), options, command.maxPositionals(),
                    Arrays.asList(arguments).subList(1, arguments.length));
            if (parsed.help()) {
                context.out().println(Messages.format("HELP_" + command.name()));
                return EXIT_OK;
            }
            command.execute(parsed, context);
            return EXIT_OK;
        } catch (ProtocolException e) {
            return report(e.toErrorResponse());
        } catch (RuntimeException e) {
            // a bug must still leave a script with JSON on stderr and a failing status, not a bare stack trace
            return report(new ErrorResponse(ErrorCode.INTERNAL_ERROR,
                    Messages.format("CLI_INTERNAL_ERROR", String.valueOf(e)), Map.of()));
        }
    }

    private int report(ErrorResponse error) {
        context.err().println(error.toJsonText());
        context.err().flush();
        return error.code() == ErrorCode.INVALID_REQUEST ? EXIT_USAGE : EXIT_FAILED;
    }

    /** For the program's entry point: this host, the system clock, the process's streams. */
    public static AgentCli forThisProcess() {
        return new AgentCli(System.out, System.err, HostIdentity::detect, Clock.systemUTC());
    }
}
