package org.certbench.agent.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.certbench.agent.AgentLog;
import org.certbench.agent.Messages;
import org.certbench.agent.server.AgentServer;
import org.certbench.agent.server.AgentServerOptions;
import org.certbench.agent.server.ConnectionLimits;
import org.certbench.agents.protocol.ErrorCode;
import org.certbench.agents.protocol.ProtocolException;

/** {@code run}: serves TLS and the management API until the process is told to stop. */
final class RunCommand implements CliCommand {

    private static final String MAX_CONNECTIONS = "max-connections";
    private static final String MAX_PER_ADDRESS = "max-connections-per-address";
    private static final String REQUEST_TIMEOUT = "request-timeout";

    @Override
    public String name() {
        return "run";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.value("bind"), OptionSpec.value("port"), OptionSpec.value(MAX_CONNECTIONS),
                OptionSpec.value(MAX_PER_ADDRESS), OptionSpec.value(REQUEST_TIMEOUT));
    }

    @Override
    public void execute(ParsedArguments arguments, CliContext context) throws ProtocolException {
        AgentLog log = new AgentLog(context.err());
        ConnectionLimits limits = ConnectionLimits.defaults().withMaxConnections(
                count(arguments, MAX_CONNECTIONS, ConnectionLimits.DEFAULT_MAX_CONNECTIONS),
                count(arguments, MAX_PER_ADDRESS, ConnectionLimits.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS));
        limits = limits.withTimeouts(limits.handshakeTimeout(), requestTimeout(arguments, limits.requestTimeout()),
                limits.idleTimeout());
        AgentServerOptions options = new AgentServerOptions(context.stateLocation(arguments),
                bindAddress(arguments), port(arguments), context.host(), context.clock(), log, limits);
        // the program, not the server class (which the fleet benchmark runs by the thousand in one JVM)
        Thread.setDefaultUncaughtExceptionHandler(new FatalErrorHandler(log));
        AgentServer server;
        try {
            server = AgentServer.start(options);
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.INTERNAL_ERROR,
                    Messages.format("CLI_START_FAILED", options.port(), String.valueOf(e.getMessage())), Map.of(), e);
        }
        // SIGTERM (systemctl stop) and Ctrl-C run the hooks: close the port before the JVM goes
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "certbench-agent-shutdown"));
        try {
            server.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        if (!server.stoppedOnRequest()) {
            // the accept loop ended by itself: exit non-zero, so that the service manager starts a new agent
            throw new ProtocolException(ErrorCode.INTERNAL_ERROR, Messages.format("CLI_STOPPED_SERVING",
                    server.port()));
        }
    }

    private static InetAddress bindAddress(ParsedArguments arguments) throws ProtocolException {
        String bind = arguments.value("bind").orElse(null);
        if (bind == null) {
            return null;
        }
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw ParsedArguments.usage("CLI_INVALID_BIND", bind);
        }
    }

    private static int count(ParsedArguments arguments, String option, int defaultValue) throws ProtocolException {
        String text = arguments.value(option).orElse(null);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_COUNT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as an out-of-range number
        }
        throw ParsedArguments.usage("CLI_INVALID_COUNT", "--" + option, text, MAX_COUNT);
    }

    private static Duration requestTimeout(ParsedArguments arguments, Duration defaultValue) throws ProtocolException {
        String text = arguments.value(REQUEST_TIMEOUT).orElse(null);
        if (text == null) {
            return defaultValue;
        }
        try {
            int seconds = Integer.parseInt(text);
            if (seconds >= 1 && seconds <= MAX_REQUEST_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as an out-of-range number
        }
        throw ParsedArguments.usage("CLI_INVALID_SECONDS", "--" + REQUEST_TIMEOUT, text, MAX_REQUEST_SECONDS);
    }

    /** An hour: a request that takes longer holds a connection slot for no client that means well. */
    private static final int MAX_REQUEST_SECONDS = 3600;

    /** More connections than file descriptors a process usually gets would defeat the point of a limit. */
    private static final int MAX_COUNT = 65_536;

    private static int port(ParsedArguments arguments) throws ProtocolException {
        String text = arguments.value("port").orElse(null);
        if (text == null) {
            return AgentServerOptions.DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as an out-of-range number
        }
        throw ParsedArguments.usage("CLI_INVALID_PORT", text);
    }
}
