package org.certbench.product.tests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * Debian's squid-openssl on 127.0.0.1 as a TLS-inspecting proxy: it bumps every HTTPS connection with
 * certificates it issues from its own CA, and verifies the origin against the origin's CA.
 */
final class Squid implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path directory;

    private Squid(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    static Squid start(Path directory, Path bumpCertificate, Path bumpKey, Path originCa)
            throws IOException, InterruptedException {
        int port = freePort();
        // squid drops to the proxy user: it must read its files and write its certificate database
        Files.setPosixFilePermissions(directory.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path file : new Path[] { bumpCertificate, bumpKey, originCa }) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Path database = directory.resolve("ssl_db");
        new Command(Path.of("/usr/lib/squid/security_file_certgen"), "-c", "-s", database.toString(), "-M", "4MB").run();
        new Command(Path.of("/bin/chown"), "-R", "proxy:proxy", database.toString(), directory.toString()).run();
        Path configuration = directory.resolve("squid.conf");
        Files.writeString(configuration, String.join("\n",
                "http_port 127.0.0.1:" + port + " ssl-bump generate-host-certificates=on dynamic_cert_mem_cache_size=4MB"
                        + " tls-cert=" + bumpCertificate + " tls-key=" + bumpKey,
                "sslcrtd_program /usr/lib/squid/security_file_certgen -s " + database + " -M 4MB",
                "acl step1 at_step SslBump1",
                "ssl_bump peek step1",
                "ssl_bump bump all",
                "tls_outgoing_options cafile=" + originCa,
                "http_access allow localhost",
                "http_access deny all",
                "cache deny all",
                "cache_effective_user proxy",
                "pid_filename " + directory.resolve("squid.pid"),
                "cache_log " + directory.resolve("cache.log"),
                "access_log stdio:" + directory.resolve("access.log"),
                "coredump_dir " + directory,
                "shutdown_lifetime 0 seconds",
                ""));
        Process process = new ProcessBuilder("/usr/sbin/squid", "-N", "-f", configuration.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("squid.out").toFile()).start();
        Squid squid = new Squid(process, port, directory);
        squid.awaitListening();
        return squid;
    }

    int port() {
        return port;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("squid exited: " + Files.readString(directory.resolve("squid.out"))
                        + (Files.exists(directory.resolve("cache.log")) ? Files.readString(directory.resolve("cache.log")) : ""));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("squid did not listen on " + port + " within 30 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
