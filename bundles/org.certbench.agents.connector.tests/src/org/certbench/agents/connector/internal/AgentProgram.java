package org.certbench.agents.connector.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certbench.testing.servers.AgentJvm;

/** The real {@code certbench-agent} program's commands, run as {@link AgentJvm} starts it. */
final class AgentProgram {

    private AgentProgram() {
    }

    /** Runs a CLI command to completion; fails the test with its output if it fails. */
    static String run(String... arguments) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(AgentJvm.command(arguments)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("certbench-agent did not finish: " + List.of(arguments));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("certbench-agent " + List.of(arguments) + " failed:\n" + output);
        }
        return output;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
