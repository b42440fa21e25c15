package org.certbench.testing.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * A private nginx on 127.0.0.1: configuration, pid, logs and temp paths in its own directory, in the foreground
 * ({@code daemon off}) so that closing it cannot leave a server behind. It serves a certificate over HTTPS (the
 * files a host target replaces, then reloads with {@link #reloadCommand()}), a web root over plain HTTP for
 * ACME's http-01, or both, as a host's web server does.
 */
public final class NginxServer implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final ForegroundProgram program;

    private NginxServer(Path directory, int port, ForegroundProgram program) {
        this.directory = directory;
        this.port = port;
        this.program = program;
    }

    /** HTTPS on a free port serving {@code certificate} and {@code key}. */
    public static NginxServer start(Path directory, Path certificate, Path key)
            throws IOException, InterruptedException {
        int port = TestServers.freePort();
        return start(directory, port, tlsServer(port, certificate, key), port);
    }

    /** Plain HTTP on {@code httpPort} serving {@code webroot} only (the port an ACME CA's http-01 fetches from). */
    public static NginxServer webroot(Path directory, int httpPort, Path webroot)
            throws IOException, InterruptedException {
        return start(directory, httpPort, webrootServer(httpPort, webroot), httpPort);
    }

    /**
     * HTTPS on a free port serving {@code certificate} and {@code key}, and {@code webroot} over plain HTTP on
     * {@code httpPort}; {@link #port()} is the HTTPS one.
     */
    public static NginxServer withWebroot(Path directory, Path certificate, Path key, int httpPort, Path webroot)
            throws IOException, InterruptedException {
        int port = TestServers.freePort();
        NginxServer nginx = start(directory, port,
                tlsServer(port, certificate, key) + webrootServer(httpPort, webroot), port);
        try {
            TestServers.awaitPort(httpPort, null, directory.resolve("error.log"));
        } catch (IOException | InterruptedException e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    private static NginxServer start(Path directory, int port, String servers, int awaited)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("nginx.conf"), configuration(directory, servers));
        ForegroundProgram program = new ForegroundProgram(command(directory), Map.of(),
                directory.resolve("stdout.log"));
        program.awaitPort(awaited);
        return new NginxServer(directory, port, program);
    }

    private static String tlsServer(int port, Path certificate, Path key) {
        return """
                    server {
                        listen 127.0.0.1:%d ssl;
                        ssl_certificate %s;
                        ssl_certificate_key %s;
                        location / { return 200 "served by nginx\\n"; }
                    }
                """.formatted(port, certificate, key);
    }

    private static String webrootServer(int port, Path webroot) {
        return """
                    server {
                        listen 127.0.0.1:%d;
                        root %s;
                        location /.well-known/acme-challenge/ { default_type text/plain; }
                    }
                """.formatted(port, webroot);
    }

    // workers as root: a test's web root lies in a directory only root may enter
    private static String configuration(Path directory, String servers) {
        return """
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
                %2$s}
                """.formatted(directory, servers);
    }

    private static List<String> command(Path directory) {
        return List.of("nginx", "-p", directory + "/", "-c", directory.resolve("nginx.conf").toString(), "-e",
                directory.resolve("error.log").toString());
    }

    /** {@return the HTTPS port, or the HTTP one of a web root alone} */
    public int port() {
        return port;
    }

    /** {@return the command that makes this nginx reload, as an administrator would configure it} */
    public String reloadCommand() {
        return String.join(" ", command(directory)) + " -s reload";
    }

    /** Makes the configuration unparsable, as a typo by an administrator would. */
    public void breakConfiguration() throws IOException {
        Files.writeString(directory.resolve("nginx.conf"), "this is not a directive;\n", StandardOpenOption.APPEND);
    }

    /** {@return nginx's error log so far} */
    public String errorLog() {
        return TestServers.read(directory.resolve("error.log"));
    }

    @Override
    public void close() {
        program.close();
    }
}
