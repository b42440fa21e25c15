package org.certbench.testing.servers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the real-server helpers share: free ports, waiting for a port, running tools, removing directories. */
public final class TestServers {

    /** How long a tool (openssl, psql, pg_ctl, curl) may take before it is killed. */
    public static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private TestServers() {
    }

    /** {@return a port nothing listens on now, on 127.0.0.1} */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until something accepts connections on 127.0.0.1:port.
     *
     * @param process the server's process, whose death ends the wait early; {@code null} when it forks away
     * @param log     the server's log, quoted in the failure
     */
    public static void awaitPort(int port, Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IOException("the server exited with " + process.exitValue() + ": " + read(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("nothing listens on 127.0.0.1:" + port + " after " + START_TIMEOUT.toSeconds() + " s: "
                + read(log));
    }

    /** Runs a tool, stdin closed, killed after {@link #TOOL_TIMEOUT}; its output (stdout and stderr) trimmed. */
    public static ToolOutcome tool(List<String> command) throws IOException {
        Path output = Files.createTempFile("certbench-tool", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            process.getOutputStream().close();
            try {
                if (!process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new IOException(String.join(" ", command) + " did not finish within "
                            + TOOL_TIMEOUT.toSeconds() + " s: " + read(output));
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + String.join(" ", command), e);
            }
            return new ToolOutcome(process.exitValue(),
                    Files.readString(output, StandardCharsets.UTF_8).strip());
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Runs a tool and insists on success; the failure names the command and what it said. */
    public static String run(List<String> command) throws IOException {
        ToolOutcome outcome = tool(command);
        if (!outcome.succeeded()) {
            throw new IOException(String.join(" ", command) + " failed (" + outcome.exitStatus() + "): "
                    + outcome.output());
        }
        return outcome.output();
    }

    /** {@return the log's text, or why there is none} */
    public static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Removes {@code directory} and everything below it; nothing when it does not exist. */
    public static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
