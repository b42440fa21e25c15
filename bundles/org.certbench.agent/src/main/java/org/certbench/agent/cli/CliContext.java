package org.certbench.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.certbench.agent.Messages;
import org.certbench.agent.certificates.AgentErrors;
import org.certbench.agent.certificates.CertificateManager;
import org.certbench.agent.state.AgentStateDirectory;
import org.certbench.agent.state.ConsoleRegistry;
import org.certbench.agent.state.IdentityStore;
import org.certbench.agents.protocol.ErrorCode;
import org.certbench.agents.protocol.ProtocolException;
import org.certbench.crypto.HostIdentity;

/** What a command works with: its output streams, this host, the clock and the state directory. */
final class CliContext {

    static final String STATE_DIR = "state-dir";

    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<HostIdentity> host;
    private final Clock clock;

    CliContext(PrintStream out, PrintStream err, Supplier<HostIdentity> host, Clock clock) {
        this.out = out;
        this.err = err;
        this.host = host;
        this.clock = clock;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    Supplier<HostIdentity> host() {
        return host;
    }

    Clock clock() {
        return clock;
    }

    /** {@code --state-dir}, or the default location for this user. */
    Path stateLocation(ParsedArguments arguments) throws ProtocolException {
        Optional<String> given = arguments.value(STATE_DIR);
        return given.isPresent() ? path(given.get(), STATE_DIR) : AgentStateDirectory.defaultLocation();
    }

    AgentStateDirectory state(ParsedArguments arguments) throws ProtocolException {
        Path location = stateLocation(arguments);
        try {
            return AgentStateDirectory.open(location);
        } catch (IOException e) {
            throw AgentErrors.fromFileIo(e, location, "CLI_STATE_DIR_UNUSABLE");
        }
    }

    CertificateManager certificates(ParsedArguments arguments) throws ProtocolException {
        return new CertificateManager(new IdentityStore(state(arguments)), host, clock);
    }

    ConsoleRegistry consoles(ParsedArguments arguments) throws ProtocolException {
        return new ConsoleRegistry(state(arguments));
    }

    /** A path given as an option's value. */
    static Path path(String text, String option) throws ProtocolException {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST,
                    Messages.format("CLI_INVALID_PATH", "--" + option, text), Map.of(), e);
        }
    }

    /** Writes {@code text} to {@code --out-file} (replacing it) or, without one, to stdout. */
    void writeOutput(ParsedArguments arguments, String text) throws ProtocolException {
        Optional<String> outFile = arguments.value("out-file");
        if (outFile.isEmpty()) {
            out.print(text);
            out.flush();
            return;
        }
        Path file = path(outFile.get(), "out-file");
        try {
            // a plain write, not a rename: the out-file may be a device or a link an administrator chose
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw AgentErrors.fromFileIo(e, file, "CLI_OUT_FILE_UNWRITABLE");
        }
    }
}
