package org.certbench.agent;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.certbench.agent.cli.AgentCli;
import org.certbench.agent.server.AgentServer;
import org.certbench.agent.server.AgentServerOptions;
import org.certbench.crypto.HostIdentity;

/** Starts agents and runs CLI commands in this process, on 127.0.0.1 with ephemeral ports. */
public final class Agents {

    /** A fixed identity, so that certificates and CSRs do not depend on the machine running the tests. */
    public static final HostIdentity HOST = new HostIdentity("agent01", "agent01.example.test",
            List.of(InetAddress.getLoopbackAddress()));

    private Agents() {
    }

    /** A running agent with its log captured. */
    public record Running(AgentServer server, ByteArrayOutputStream log) implements AutoCloseable {

        public int port() {
            return server.port();
        }

        public String logText() {
            return log.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            server.close();
        }
    }

    public static Running start(Path stateDirectory) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        AgentServer server = AgentServer.start(AgentServerOptions.of(stateDirectory)
                .withBindAddress(InetAddress.getLoopbackAddress()).withPort(0).withHost(() -> HOST)
                .withLog(new AgentLog(new PrintStream(log, true, StandardCharsets.UTF_8))));
        return new Running(server, log);
    }

    /** What one CLI command printed and its exit status. */
    public record CliResult(int exitCode, String stdout, String stderr) {
    }

    public static CliResult cli(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new AgentCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> HOST, Clock.systemUTC()).run(arguments);
        return new CliResult(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
