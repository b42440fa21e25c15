package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import org.certbench.agent.server.AgentServer;
import org.certbench.agent.server.AgentServerOptions;
import org.certbench.agent.server.ConnectionLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** What one hostile client can do to an agent, and what the agent does about it. */
@ResourceLock(TestLocks.ATTACKER_ADDRESS)
class HostileClientTest {

    private static final long MB100 = 100L * 1024 * 1024;

    @TempDir
    Path state;
    @TempDir
    Path files;

    private AgentServer server;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int start(ConnectionLimits limits) throws Exception {
        server = AgentServer.start(AgentServerOptions.of(state).withBindAddress(InetAddress.getLoopbackAddress())
                .withPort(0).withHost(() -> Agents.HOST).withLimits(limits)
                .withLog(new AgentLog(new PrintStream(log, true, StandardCharsets.UTF_8))));
        return server.port();
    }

    private String logText() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** Without the handshake deadline, a byte every 300 ms (well within each read's timeout) held it for good. */
    @Test
    void aHandshakeTricklingOneByteAtATimeIsClosedAtItsDeadline() throws Exception {
        int port = start(ConnectionLimits.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(30)));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            long held = trickle(socket.getOutputStream(), 100);
            assertTrue(held < 5_000, "the agent held a trickling handshake for " + held + " ms");
        }
    }

    @Test
    void aRequestHeadTricklingOneByteAtATimeIsClosedAtItsDeadline() throws Exception {
        int port = start(ConnectionLimits.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofSeconds(30)));
        try (SSLSocket socket = tlsWithoutCertificate(port)) {
            long held = trickle(socket.getOutputStream(), 100);
            assertTrue(held < 5_000, "the agent held a trickling request for " + held + " ms");
        }
    }

    /**
     * Writes one byte every 300 ms until the agent closes the connection; how long that took (30 s at most). The
     * first five are a TLS handshake record's header announcing 16 KiB, so that a TLS stack waits for the rest
     * instead of refusing what it has.
     */
    private static long trickle(OutputStream out, int bytes) throws InterruptedException {
        byte[] header = { 0x16, 0x03, 0x01, 0x40, 0x00 };
        long start = System.nanoTime();
        try {
            for (int i = 0; i < bytes; i++) {
                out.write(i < header.length ? header[i] : 'a');
                out.flush();
                Thread.sleep(300);
            }
        } catch (IOException closedByTheAgent) {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }
        throw new AssertionError("the agent let a client trickle " + bytes + " bytes over 30 s");
    }

    /** TLS 1.3 key updates are records without data: without a whole idle deadline they held a connection for good. */
    @Test
    void keyUpdatesWithoutARequestAreClosedAtTheIdleDeadline() throws Exception {
        int port = start(ConnectionLimits.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(1)));
        try (SSLSocket socket = tlsWithoutCertificate(port)) {
            long start = System.nanoTime();
            try {
                for (int i = 0; i < 100; i++) {
                    socket.startHandshake(); // on TLS 1.3: a KeyUpdate message
                    Thread.sleep(300);
                }
                throw new AssertionError("the agent let key updates hold a connection for 30 s");
            } catch (IOException closedByTheAgent) {
                long held = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(held < 5_000, "the agent held a connection without a request for " + held + " ms");
            }
        }
    }

    @Test
    void oneAddressGetsItsShareOfConnectionsAndTheOthersTheRest() throws Exception {
        int port = start(ConnectionLimits.defaults().withMaxConnections(6, 4));
        Socket[] attacker = new Socket[4];
        for (int i = 0; i < attacker.length; i++) {
            attacker[i] = connectFrom("127.0.0.5", port);
        }
        awaitOpen(4);
        for (int i = 0; i < 6; i++) {
            assertEquals(-1, connectAndRead("127.0.0.5", port), "over the address's share: closed at once");
        }
        try {
            awaitLog("from 127.0.0.5, which has 4 open (--max-connections-per-address)");
            // another address still gets in, up to the total
            Socket second = connectFrom("127.0.0.6", port);
            Socket third = connectFrom("127.0.0.7", port);
            awaitOpen(6);
            // all taken: the oldest stranger's connection makes room for the newcomer
            Socket fourth = connectFrom("127.0.0.8", port);
            awaitLog("the oldest each time, to make room for new ones (6 open, --max-connections)");
            assertEquals(-1, readWithin(attacker[0]), "the oldest connection was reset");
            awaitOpen(6);
            for (Socket socket : new Socket[] { second, third, fourth }) {
                socket.close();
            }
        } finally {
            for (Socket socket : attacker) {
                socket.close();
            }
        }
        awaitOpen(0);
    }

    /** The refusal's log line comes after the reset the client sees. */
    private void awaitLog(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!logText().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(logText().contains(text), logText());
    }

    private void awaitOpen(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.openConnections() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, server.openConnections());
    }

    private static Socket connectFrom(String source, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(source, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return socket;
    }

    /** All taken by strangers from many addresses, an authorised console still gets in, and stays. */
    @Test
    void strangersFromManyAddressesNeitherShutOutNorCloseAnAuthorisedConsole() throws Exception {
        ConsoleClient console = ConsoleClient.withCertificate("console");
        Agents.cli("console-authorize", "--state-dir", state.toString(), "--file",
                console.writeCertificate(files.resolve("console.pem")).toString());
        int port = start(ConnectionLimits.defaults().withMaxConnections(8, 2));
        java.util.List<Socket> strangers = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                strangers.add(connectFrom("127.0.1." + (10 + i / 2), port));
            }
            awaitOpen(8);
            try (SSLSocket kept = console.connect(port)) {
                assertEquals(200, console.get(port, "/api/v1/certificate", Duration.ofSeconds(2)).status());
                // a first call on the kept connection: the agent has seen its certificate (the client's handshake
                // may end before the agent has checked it)
                kept.getOutputStream().write("GET /api/v1/certificate HTTP/1.1\r\nHost: a\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                kept.getOutputStream().flush();
                assertTrue(readResponse(kept.getInputStream()).startsWith("HTTP/1.1 200 "));
                // twenty more strangers from ten more addresses: each takes a stranger's place, never the console's
                for (int i = 0; i < 20; i++) {
                    strangers.add(connectFrom("127.0.2." + (10 + i / 2), port));
                }
                awaitLog("to make room for new ones");
                String answer;
                try {
                    kept.getOutputStream().write("GET /api/v1/certificate HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    kept.getOutputStream().flush();
                    answer = new String(kept.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    throw new AssertionError("the console's connection was closed: " + e + "\n" + logText(), e);
                }
                assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
            }
        } finally {
            for (Socket socket : strangers) {
                socket.close();
            }
        }
    }

    /** One response of a kept-alive connection: head and {@code Content-Length} bytes of body. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int length = 0;
        while (true) {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("closed in the middle of a response: " + head);
                }
                line.append((char) b);
            }
            String text = line.toString().strip();
            head.append(text).append('\n');
            if (text.isEmpty()) {
                break;
            }
            if (text.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(text.substring(15).strip());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** -1 when the connection was closed or reset, else the byte read (within 5 s). */
    private static int readWithin(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        try {
            return socket.getInputStream().read();
        } catch (java.net.SocketException reset) {
            return -1;
        }
    }

    /** -1 when the agent closed or reset the connection (the reset may even reach connect), else the byte read. */
    private static int connectAndRead(String source, int port) throws IOException {
        try (Socket socket = connectFrom(source, port)) {
            socket.setSoTimeout(5_000);
            return socket.getInputStream().read();
        } catch (java.net.SocketException reset) {
            return -1;
        }
    }

    @Test
    void aHundredMegabyteBodyWithoutClientCertificateIsRefusedUnread() throws Exception {
        int port = start(ConnectionLimits.defaults());
        byte[] head = ("POST /api/v1/csr HTTP/1.1\r\nHost: agent\r\nContent-Type: application/json\r\nContent-Length: "
                + MB100 + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        Flood flood = flood(port, head);

        assertTrue(flood.response().startsWith("HTTP/1.1 401 "), flood.response());
        assertTrue(flood.sent() < MB100 / 4, "the client could send " + flood.sent() + " bytes");
    }

    @Test
    void aHundredMegabyteHeadIsRefusedAfterItsFirstSixteenKibibytes() throws Exception {
        int port = start(ConnectionLimits.defaults());
        Flood flood = flood(port, "GET /api/v1/certificate HTTP/1.1\r\nX-Flood: ".getBytes(StandardCharsets.ISO_8859_1));

        assertTrue(flood.response().startsWith("HTTP/1.1 431 "), flood.response());
        assertTrue(flood.response().contains("The request line and headers exceed 16384 bytes."), flood.response());
        assertTrue(flood.sent() < MB100 / 4, "the client could send " + flood.sent() + " bytes");
    }

    private record Flood(String response, long sent) {
    }

    /** Sends {@code start}, then up to 100 MB of 'a' while reading the agent's answer. */
    private static Flood flood(int port, byte[] start) throws Exception {
        try (SSLSocket socket = tlsWithoutCertificate(port)) {
            AtomicLong sent = new AtomicLong();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(start);
                    byte[] chunk = new byte[64 * 1024];
                    Arrays.fill(chunk, (byte) 'a');
                    while (sent.get() < MB100) {
                        out.write(chunk);
                        sent.addAndGet(chunk.length);
                    }
                } catch (IOException closedByTheAgent) {
                    // expected: the agent answers and closes without reading it all
                }
            });
            socket.setSoTimeout(30_000);
            String response = new String(socket.getInputStream().readNBytes(2_048), StandardCharsets.ISO_8859_1);
            socket.close();
            writer.get(60, TimeUnit.SECONDS);
            return new Flood(response, sent.get());
        }
    }

    @Test
    void tls12IsRefusedAndTls13Served() throws Exception {
        int port = start(ConnectionLimits.defaults());
        Process tls12 = openssl("s_client", "-tls1_2", "-connect", "127.0.0.1:" + port);
        String output12 = new String(tls12.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tls12.waitFor(30, TimeUnit.SECONDS));
        assertNotEquals(0, tls12.exitValue(), output12);
        assertTrue(output12.contains("alert protocol version") || output12.contains("no protocols available")
                || output12.contains("unsupported protocol"), output12);

        Process tls13 = openssl("s_client", "-tls1_3", "-connect", "127.0.0.1:" + port);
        String output13 = new String(tls13.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tls13.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, tls13.exitValue(), output13);
        assertTrue(output13.contains("TLSv1.3"), output13);
    }

    private Process openssl(String... arguments) throws IOException {
        String[] command = new String[arguments.length + 1];
        command[0] = "openssl";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).directory(files.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        return process;
    }

    @Test
    void controlCharactersFromTheClientAreEscapedInTheLog() throws Exception {
        int port = start(ConnectionLimits.defaults());
        try (SSLSocket socket = tlsWithoutCertificate(port)) {
            socket.getOutputStream().write(
                    "GET /x\u001b[2J\u001b[31mred\rINFO:forged HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            assertTrue(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
                    .startsWith("HTTP/1.1 401 "));
        }
        String text = logText();
        assertTrue(text.contains("refused GET /x\\u001b[2J\\u001b[31mred\\rINFO:forged from 127.0.0.1:"), text);
        assertFalse(text.contains("\u001b"), text);
        assertFalse(text.contains("\r"), text);
        // every line is one of the agent's own: a timestamp, a level, the agent's name
        for (String line : text.split("\n")) {
            assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\S+ (INFO|WARN|ERROR) certbench-agent:\\d+: .*"), line);
        }
    }

    /** A client that can make the agent refuse it must not be able to fill the log (and journald's rate limit). */
    @Test
    void refusalsOfOneKindAreLoggedOncePerInterval() throws Exception {
        int port = start(ConnectionLimits.defaults());
        for (int i = 0; i < 20; i++) {
            assertEquals(401, ConsoleClient.withoutCertificate().get(port, "/api/v1/certificate/" + i).status());
        }
        assertEquals(1, logText().lines().filter(line -> line.contains("no client certificate (401)")).count(),
                logText());
        assertTrue(logText().contains("refused GET /api/v1/certificate/0 from 127.0.0.1:"), logText());
    }

    @Test
    void aLongPathIsCutInTheLog() throws Exception {
        int port = start(ConnectionLimits.defaults());
        try (SSLSocket socket = tlsWithoutCertificate(port)) {
            socket.getOutputStream().write(("GET /" + "p".repeat(10_000) + " HTTP/1.1\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.setSoTimeout(10_000);
            socket.getInputStream().readAllBytes();
        }
        assertTrue(logText().contains("/" + "p".repeat(255) + "… (10001 characters in all)"), logText());
        assertFalse(logText().contains("p".repeat(300)));
    }

    static SSLSocket tlsWithoutCertificate(int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] { new ConsoleClient.AnyServer() }, null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }
}
