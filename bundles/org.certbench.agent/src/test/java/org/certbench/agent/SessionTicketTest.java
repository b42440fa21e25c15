package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent issues no TLS 1.3 session tickets: consoles never resume, so no handshake should pay for one. The
 * same openssl client against an openssl server (which issues them) shows that the check would see a ticket.
 */
class SessionTicketTest {

    private static final String REQUEST = "GET /v1/certificate HTTP/1.1\r\nHost: agent\r\nConnection: close\r\n\r\n";

    @TempDir
    Path state;
    @TempDir
    Path files;

    /** The agent program itself, in its own JVM: the JDK reads the setting once per JVM. */
    @Test
    void noClientGetsASessionToResumeAndTheLogSaysWhichCryptography() throws Exception {
        Path log = files.resolve("agent.log");
        AgentProcess.Server server = AgentProcess.startServer(state, log);
        Process agent = server.process();
        try {
            Openssl.runWithInput(files, REQUEST, "s_client", "-connect", "127.0.0.1:" + server.port(), "-ign_eof",
                    "-sess_out", "agent.session");

            assertFalse(Files.exists(files.resolve("agent.session")));
            assertTrue(Files.readString(log).contains("cryptography: AmazonCorrettoCryptoProvider"),
                    Files.readString(log));
        } finally {
            agent.destroy();
            agent.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theCheckSeesTheTicketOfAServerThatIssuesOne() throws Exception {
        Openssl.run(files, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "k.pem", "-out", "c.pem", "-days", "1", "-subj", "/CN=control");
        // two connections: awaitListening's probe, then the client; port 0: the server takes a free one and says
        // which (a port probed free first could be taken meanwhile by the test classes running beside this one)
        Process server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:0", "-cert", "c.pem",
                "-key", "k.pem", "-www", "-naccept", "2").directory(files.toFile()).redirectErrorStream(true)
                .redirectOutput(files.resolve("s_server.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            int port = acceptedPort(files.resolve("s_server.log"));
            awaitListening(port);
            Openssl.runWithInput(files, REQUEST, "s_client", "-connect", "127.0.0.1:" + port, "-ign_eof", "-sess_out",
                    "control.session");
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }

        assertTrue(Files.exists(files.resolve("control.session")));
    }

    /** {@return the port of the "ACCEPT 127.0.0.1:PORT" line s_server writes once it listens} */
    private static int acceptedPort(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            java.util.Optional<String> accept = Files.readAllLines(log).stream()
                    .filter(line -> line.startsWith("ACCEPT 127.0.0.1:")).findFirst();
            if (accept.isPresent()) {
                return Integer.parseInt(accept.get().substring("ACCEPT 127.0.0.1:".length()).strip());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("s_server did not say its port within 20 s: " + Files.readString(log));
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("openssl s_server did not listen on " + port);
    }
}
