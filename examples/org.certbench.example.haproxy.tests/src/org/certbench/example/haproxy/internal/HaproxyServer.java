package org.certbench.example.haproxy.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private HAProxy (Debian's /usr/sbin/haproxy) on 127.0.0.1 and a free port: master-worker in the foreground
 * ({@code -W -db}), its own configuration, admin socket and pid file in its own directory, so that closing it
 * (or the JVM exiting) cannot leave a server behind.
 */
final class HaproxyServer implements AutoCloseable {

    static final String FRONTEND = "web";
    static final String OTHER_FRONTEND = "api";

    private final Path directory;
    private final int port;
    private int otherPort = -1;
    private final Process process;
    private final Thread killOnExit;

    private HaproxyServer(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
        this.killOnExit = new Thread(this::stop);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Serves {@code pemFile} (certificate, chain and key in one file) on a TLS frontend. */
    static HaproxyServer start(Path directory, Path pemFile) throws IOException, InterruptedException {
        return start(directory, pemFile, null);
    }

    /**
     * As {@link #start(Path, Path)}, and {@code otherPemFile} on a second frontend ({@link #OTHER_FRONTEND},
     * {@link #otherPort()}), when not {@code null}.
     */
    static HaproxyServer start(Path directory, Path pemFile, Path otherPemFile) throws IOException, InterruptedException {
        int port = freePort();
        int otherPort = otherPemFile == null ? -1 : freePort();
        Files.createDirectories(directory);
        Path configuration = directory.resolve("haproxy.cfg");
        String text = configuration(directory, port, pemFile);
        if (otherPemFile != null) {
            text += """
                    frontend %3$s
                        bind 127.0.0.1:%1$d ssl crt %2$s
                        http-request return status 200 content-type text/plain string "the other frontend"
                    """.formatted(otherPort, otherPemFile, OTHER_FRONTEND);
        }
        Files.writeString(configuration, text);
        Process process = new ProcessBuilder("/usr/sbin/haproxy", "-W", "-db", "-f", configuration.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("haproxy.log").toFile()).start();
        HaproxyServer server = new HaproxyServer(directory, port, process);
        server.otherPort = otherPort;
        try {
            server.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static String configuration(Path directory, int port, Path pemFile) {
        return """
                global
                    master-worker
                    stats socket %1$s/admin.sock level admin expose-fd listeners
                    pidfile %1$s/haproxy.pid
                defaults
                    mode http
                    timeout connect 5s
                    timeout client 5s
                    timeout server 5s
                frontend %4$s
                    bind 127.0.0.1:%2$d ssl crt %3$s
                    http-request return status 200 content-type text/plain string "served by haproxy"
                """.formatted(directory, port, pemFile, FRONTEND);
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("haproxy exited with status " + process.exitValue() + ": " + log());
            }
            if (Files.exists(adminSocket()) && Files.exists(pidFile()) && accepts()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("haproxy did not listen on 127.0.0.1:" + port + " in time: " + log());
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    /** The second frontend's port, or -1 without one. */
    int otherPort() {
        return otherPort;
    }

    Path adminSocket() {
        return directory.resolve("admin.sock");
    }

    Path pidFile() {
        return directory.resolve("haproxy.pid");
    }

    /** The master's pid as the process was started: a reload must not change it. */
    long startedPid() {
        return process.pid();
    }

    boolean running() {
        return process.isAlive();
    }

    /** The pid the master wrote to its pid file. */
    long masterPid() throws IOException {
        return Long.parseLong(Files.readString(pidFile()).strip());
    }

    /** The worker processes now (a reload through the master replaces them). */
    List<Long> workers() {
        return process.children().map(ProcessHandle::pid).toList();
    }

    String log() {
        try {
            return Files.readString(directory.resolve("haproxy.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
