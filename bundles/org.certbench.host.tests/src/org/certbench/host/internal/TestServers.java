package org.certbench.host.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** What the real-server helpers share: free ports, waiting for a port, running tools, removing directories. */
final class TestServers {

    static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

    private TestServers() {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Waits until something accepts connections on 127.0.0.1:port, or the process has died. */
    static void awaitPort(int port, Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
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
        throw new IOException("nothing listens on 127.0.0.1:" + port + " after 10 s: " + read(log));
    }

    /** Runs a tool and insists on success; the failure names the command and what it said. */
    static String run(List<String> command) throws IOException {
        ProcessRun.Outcome outcome = ProcessRun.run(command, TOOL_TIMEOUT);
        if (!outcome.succeeded()) {
            throw new IOException(String.join(" ", command) + " failed (" + outcome.exitStatus() + "): "
                    + outcome.output());
        }
        return outcome.output();
    }

    static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
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
