package org.certbench.issuers.acme.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.certbench.issuers.Challenge;
import org.junit.jupiter.api.Test;

/**
 * The standalone http-01 listener against hostile clients: clients that trickle their request head a byte at a time
 * are closed at the head's deadline, however often they send, so they cannot keep the connection slots and the CA's
 * GET is answered; a head too large gets no token. By default it listens on IPv6 and IPv4 alike.
 */
class StandaloneResponderTest {

    private static final String TOKEN = "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA";
    private static final String CONTENT = TOKEN + ".key-authorization";

    @Test
    void clientsTricklingTheirHeadAreClosedAtTheDeadlineAndTheTokenIsStillServed() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        // a deadline shorter than the product's (5 s): without one for the whole head the tricklers are never cut
        StandaloneResponder responder = new StandaloneResponder("127.0.0.1", port, Duration.ofSeconds(1));
        Challenge challenge = new Challenge(WebrootResponder.HTTP_01, "localhost", TOKEN, CONTENT);
        responder.deploy(challenge);
        AtomicBoolean trickling = new AtomicBoolean(true);
        List<Socket> slow = new ArrayList<>();
        List<Thread> senders = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                slow.add(socket);
                senders.add(Thread.ofVirtual().start(() -> trickle(socket, trickling)));
            }
            // a byte every 200 ms never meets a per-read timeout; only a deadline for the whole head ends them
            for (Socket socket : slow) {
                socket.setSoTimeout(60_000);
                assertEquals(-1, readToEnd(socket.getInputStream()), "the server closes the slow client");
            }

            assertEquals(CONTENT, get(port, TOKEN));
        } finally {
            trickling.set(false);
            for (Socket socket : slow) {
                socket.close();
            }
            for (Thread sender : senders) {
                sender.join();
            }
            responder.cleanUp(challenge);
        }
    }

    @Test
    void byDefaultItListensOnEveryAddressIpv6AndIpv4AndAnOversizedHeadGetsNoToken() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        StandaloneResponder responder = new StandaloneResponder(StandaloneResponder.ALL_ADDRESSES, port);
        Challenge challenge = new Challenge(WebrootResponder.HTTP_01, "localhost", TOKEN, CONTENT);
        responder.deploy(challenge);
        try {
            assertEquals(CONTENT, get(InetAddress.getByName("127.0.0.1"), port, TOKEN));
            assertEquals(CONTENT, get(InetAddress.getByName("::1"), port, TOKEN));

            // a head that has not ended within 8 KiB is not read on: 404, the connection closed, the token not given
            // (exactly 8 KiB sent, so the server's close finds nothing unread and ends the connection cleanly)
            try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                String start = "GET /.well-known/acme-challenge/" + TOKEN + " HTTP/1.1\r\nX-Big: ";
                out.write((start + "b".repeat(8 * 1024 - start.length())).getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertTrue(answer.startsWith("HTTP/1.1 404 Not Found\r\n"), answer);
                assertTrue(!answer.contains(CONTENT), answer);
            }
        } finally {
            responder.cleanUp(challenge);
        }
        // cleaned up: nothing listens on either family any more
        for (String address : new String[] { "127.0.0.1", "::1" }) {
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName(address))) {
                assertEquals(port, again.getLocalPort());
            }
        }
    }

    @Test
    void theMomentCleanUpReturnsThePortIsFreeForTheWebServerThatNeedsIt() throws Exception {
        // closing a listening socket while a thread waits in accept() leaves it bound until that thread wakes
        int port;
        try (ServerSocket free = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Challenge challenge = new Challenge(WebrootResponder.HTTP_01, "localhost", TOKEN, CONTENT);
        for (int round = 0; round < 50; round++) {
            StandaloneResponder responder = new StandaloneResponder(StandaloneResponder.ALL_ADDRESSES, port);
            responder.deploy(challenge);
            responder.cleanUp(challenge);
            try (ServerSocket webServer = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertEquals(port, webServer.getLocalPort(), "round " + round);
            }
        }
    }

    private static void trickle(Socket socket, AtomicBoolean trickling) {
        try {
            OutputStream out = socket.getOutputStream();
            byte[] head = ("GET " + "/.well-known/acme-challenge/" + TOKEN + " HTTP/1.1\r\nX-Slow: ")
                    .getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; trickling.get(); i++) {
                out.write(i < head.length ? head[i] : 'a');
                out.flush();
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException e) {
            // the server closed it: what the test waits for
        }
    }

    /** Reads what the server sends until it closes; a reset is a close too. */
    private static int readToEnd(InputStream in) {
        try {
            while (in.read() >= 0) {
                // the server answers nothing to a head it never saw end
            }
        } catch (java.net.SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            // reset by the server's close
        }
        return -1;
    }

    /** A GET as the CA sends it; a few tries, since a slot is given back just after its connection is closed. */
    private static String get(int port, String token) throws Exception {
        return get(InetAddress.getLoopbackAddress(), port, token);
    }

    private static String get(InetAddress address, int port, String token) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (Socket socket = new Socket(address, port)) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(("GET /.well-known/acme-challenge/" + token
                        + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                if (!answer.isEmpty()) {
                    assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
                    return answer.substring(answer.indexOf("\r\n\r\n") + 4);
                }
            } catch (IOException e) {
                // refused while the slots were still taken
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no answer to the GET");
    }
}
