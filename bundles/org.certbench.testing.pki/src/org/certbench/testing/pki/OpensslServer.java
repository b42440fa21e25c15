package org.certbench.testing.pki;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real TLS server: {@code openssl s_server -www} on 127.0.0.1 and a free port, serving a key, its
 * certificate and exactly the chain certificates given, in the order given. It answers HTTP GETs with a status
 * page. OpenSSL's security level is 0 so that it serves what tests need refused by the client (RSA-1024 keys,
 * SHA-1 signatures). Closing it stops the process.
 */
public final class OpensslServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private OpensslServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the server with its files in {@code directory} (which must exist) and waits until it listens.
     *
     * @param certificate the server's certificate (DER)
     * @param chain       the other certificates it sends (DER), in this order; may be empty
     */
    public static OpensslServer start(Path directory, KeyPair key, byte[] certificate, List<byte[]> chain)
            throws IOException, InterruptedException {
        Files.writeString(directory.resolve("server.key"), PkiFixtures.privateKeyPem(key), StandardCharsets.US_ASCII);
        Files.writeString(directory.resolve("server.crt"), PkiFixtures.pem(certificate), StandardCharsets.US_ASCII);
        StringBuilder chainPem = new StringBuilder();
        chain.forEach(der -> chainPem.append(PkiFixtures.pem(der)));
        Files.writeString(directory.resolve("chain.pem"), chainPem, StandardCharsets.US_ASCII);
        int port = freePort();
        Path log = directory.resolve("s_server.log");
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-key", "server.key", "-cert", "server.crt", "-www", "-cipher", "DEFAULT:@SECLEVEL=0"));
        if (!chain.isEmpty()) {
            command.addAll(List.of("-cert_chain", "chain.pem"));
        }
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        OpensslServer server = new OpensslServer(process, port, log);
        server.awaitListening();
        return server;
    }

    public int port() {
        return port;
    }

    /** What the server wrote so far, for a failure message. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("openssl s_server ended at its start:\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        close();
        throw new AssertionError("openssl s_server did not listen on " + port + ":\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
