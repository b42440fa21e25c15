package org.certbench.host.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private nginx on 127.0.0.1 and a free port: configuration, pid, logs and temp paths in its own directory,
 * in the foreground ({@code daemon off}) so that closing it cannot leave a server behind.
 */
final class NginxServer implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final Process process;
    private final Thread killOnExit;

    private NginxServer(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
        this.killOnExit = new Thread(this::stop);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Serves {@code certificate} and {@code key} (files the server reads, changed later by the target). */
    static NginxServer start(Path directory, Path certificate, Path key) throws IOException, InterruptedException {
        int port = TestServers.freePort();
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("nginx.conf"), configuration(directory, port, certificate, key));
        Path log = directory.resolve("stdout.log");
        Process process = new ProcessBuilder(command(directory)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        NginxServer server = new NginxServer(directory, port, process);
        try {
            TestServers.awaitPort(port, process, directory.resolve("error.log"));
        } catch (IOException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static List<String> command(Path directory) {
        return List.of("nginx", "-p", directory + "/", "-c", directory.resolve("nginx.conf").toString(), "-e",
                directory.resolve("error.log").toString());
    }

    private static String configuration(Path directory, int port, Path certificate, Path key) {
        return """
                daemon off;
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
                }
                """.formatted(directory, port, certificate, key);
    }

    int port() {
        return port;
    }

    /** The command that makes this nginx reload, as an administrator would configure it. */
    String reloadCommand() {
        return String.join(" ", command(directory)) + " -s reload";
    }

    /** Makes the configuration unparsable, as a typo by an administrator would. */
    void breakConfiguration() throws IOException {
        Files.writeString(directory.resolve("nginx.conf"), "this is not a directive;\n",
                java.nio.file.StandardOpenOption.APPEND);
    }

    String errorLog() {
        return TestServers.read(directory.resolve("error.log"));
    }

    private void stop() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
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
