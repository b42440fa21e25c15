package org.certbench.issuers.acme.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Real servers the ACME tests start on 127.0.0.1 and free ports, in the foreground, stopped by {@link #close()}. */
final class LocalServers {

    private LocalServers() {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A program in the foreground, its output in a log; killed (and its children) when closed. */
    static final class Program implements AutoCloseable {
        private final Process process;
        private final Path log;
        private final Thread killOnExit;

        Program(List<String> command, Map<String, String> environment, Path log) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            this.process = builder.start();
            this.log = log;
            this.killOnExit = new Thread(this::stop);
            Runtime.getRuntime().addShutdownHook(killOnExit);
        }

        /** Waits until something accepts connections on 127.0.0.1:port, or the program has died. */
        Program awaitPort(int port) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("the program exited with " + process.exitValue() + ": " + log());
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return this;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            throw new IOException("nothing listens on 127.0.0.1:" + port + " after 20 s: " + log());
        }

        String log() {
            try {
                return Files.exists(log) ? Files.readString(log) : "(no log)";
            } catch (IOException e) {
                return "(log unreadable: " + e.getMessage() + ")";
            }
        }

        private void stop() {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                try {
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.descendants().forEach(ProcessHandle::destroyForcibly);
                        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
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

    /** nginx serving {@code webroot} over plain HTTP on 127.0.0.1:port, as a host's web server would for http-01. */
    static Program nginx(Path directory, int port, Path webroot) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("nginx.conf"), """
                daemon off;
                user root;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                        root %3$s;
                        location /.well-known/acme-challenge/ { default_type text/plain; }
                    }
                }
                """.formatted(directory, port, webroot));
        return new Program(List.of("nginx", "-p", directory + "/", "-c", directory.resolve("nginx.conf").toString(),
                "-e", directory.resolve("error.log").toString()), Map.of(), directory.resolve("stdout.log"))
                .awaitPort(port);
    }

    /**
     * nginx as a host's web server: HTTPS on 127.0.0.1:tlsPort serving {@code certificate} and {@code key} (files
     * host renewal replaces, then reloads with {@link #nginxReloadCommand}), and {@code webroot} over plain HTTP on
     * 127.0.0.1:httpPort for http-01.
     */
    static Program nginxWithTls(Path directory, int tlsPort, Path certificate, Path key, int httpPort, Path webroot)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("nginx.conf"), """
                daemon off;
                user root;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d ssl;
                        ssl_certificate %3$s;
                        ssl_certificate_key %4$s;
                        location / { return 200 "served by nginx\\n"; }
                    }
                    server {
                        listen 127.0.0.1:%5$d;
                        root %6$s;
                        location /.well-known/acme-challenge/ { default_type text/plain; }
                    }
                }
                """.formatted(directory, tlsPort, certificate, key, httpPort, webroot));
        return new Program(nginxCommand(directory), Map.of(), directory.resolve("stdout.log")).awaitPort(tlsPort)
                .awaitPort(httpPort);
    }

    /** The command that makes the nginx in {@code directory} reload, as an administrator would configure it. */
    static String nginxReloadCommand(Path directory) {
        return String.join(" ", nginxCommand(directory)) + " -s reload";
    }

    private static List<String> nginxCommand(Path directory) {
        return List.of("nginx", "-p", directory + "/", "-c", directory.resolve("nginx.conf").toString(), "-e",
                directory.resolve("error.log").toString());
    }
}
