package org.certbench.agents.connector.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.certbench.testing.pki.PkiFixtures;

/**
 * A server on 127.0.0.1 that behaves as no agent should: it completes a TLS 1.3 handshake with a self-signed
 * certificate (so that a console can add and pin it), and then answers nothing, or an answer that is no HTTP a
 * console reads; or it speaks no TLS at all and sends bytes of noise; or it holds each connection without a word.
 * It counts what it saw, for a test to wait on: the requests read, the connections held, and those the console
 * closed while held.
 */
final class HostileAgent implements AutoCloseable {

    enum Behaviour {
        /** Reads the request, and whatever follows, and never answers. */
        SILENT,
        /** Answers a byte every 500 ms: each read is quick, the answer never complete. */
        TRICKLE,
        /** Answers with a Content-Length that is not a number. */
        MALFORMED_LENGTH,
        /** Announces a body of nearly a gigabyte and starts sending it. */
        OVERSIZED,
        /** No TLS: 4 KiB of random bytes for whatever comes. */
        GARBAGE,
        /** Says nothing, not even its part of the TLS handshake, until the console closes the connection. */
        HOLD
    }

    private final ServerSocket server;
    private final SSLSocketFactory tls;
    private volatile Behaviour behaviour;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Semaphore requests = new Semaphore(0);
    private final Semaphore held = new Semaphore(0);
    private final Semaphore hungUp = new Semaphore(0);

    private HostileAgent(ServerSocket server, SSLSocketFactory tls, Behaviour behaviour) {
        this.server = server;
        this.tls = tls;
        this.behaviour = behaviour;
        Thread.ofVirtual().start(this::acceptLoop);
    }

    static HostileAgent start(Behaviour behaviour) throws Exception {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        return new HostileAgent(server, tls("hostile-" + behaviour.name().toLowerCase()).getSocketFactory(), behaviour);
    }

    /** From the next connection on, behaves otherwise (e.g. no TLS any more, after a console pinned it). */
    void become(Behaviour value) {
        behaviour = value;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Waits until it has read the heads of {@code count} requests (more since the last wait). */
    void awaitRequests(int count) throws InterruptedException {
        requests.acquire(count);
    }

    /** Waits until it holds {@code count} connections ({@link Behaviour#HOLD}; more since the last wait). */
    void awaitHeld(int count) throws InterruptedException {
        held.acquire(count);
    }

    /** Waits until the console has closed {@code count} of the connections held (more since the last wait). */
    void awaitHungUp(int count) throws InterruptedException {
        hungUp.acquire(count);
    }

    private static SSLContext tls(String name) throws Exception {
        KeyPair key = PkiFixtures.freshEc();
        byte[] der = PkiFixtures.certificate("CN=" + name).key(key).dns(name)
                .validity(PkiFixtures.YEAR_AGO, PkiFixtures.IN_A_YEAR).build();
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("hostile", key.getPrivate(), "x".toCharArray(), new X509Certificate[] { certificate });
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "x".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket plain) {
        Behaviour behaviour = this.behaviour;
        try (plain) {
            if (behaviour == Behaviour.HOLD) {
                hold(plain);
                return;
            }
            Socket socket = plain;
            if (behaviour != Behaviour.GARBAGE) {
                SSLSocket secure = (SSLSocket) tls.createSocket(plain, null, true);
                secure.setEnabledProtocols(new String[] { "TLSv1.3" });
                secure.startHandshake();
                socket = secure;
            }
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            if (behaviour == Behaviour.GARBAGE) {
                byte[] noise = new byte[4096];
                new SecureRandom().nextBytes(noise);
                out.write(noise);
                out.flush();
                in.read();
                return;
            }
            // a connection closed after the handshake (an add pins the certificate so) is no request: counted, it
            // would let a test's wait for the request of a batch return before that request was sent
            if (!readHead(in)) {
                return;
            }
            requests.release();
            switch (behaviour) {
                case SILENT -> in.transferTo(OutputStream.nullOutputStream());
                case TRICKLE -> {
                    for (byte b : "HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1)) {
                        out.write(b);
                        out.flush();
                        sleep(500);
                    }
                    for (int i = 0; i < 600; i++) {
                        out.write('a');
                        out.flush();
                        sleep(500);
                    }
                }
                case MALFORMED_LENGTH -> out.write("HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\n{}"
                        .getBytes(StandardCharsets.ISO_8859_1));
                case OVERSIZED -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 999999999\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    byte[] chunk = new byte[64 * 1024];
                    for (int i = 0; i < 16; i++) {
                        out.write(chunk);
                    }
                }
                default -> throw new IllegalStateException(behaviour.name());
            }
            out.flush();
        } catch (IOException gone) {
            // the console hung up: what a hostile server wants least
        } finally {
            open.remove(plain);
        }
    }

    /** Reads what the console sends (its TLS hello) and answers nothing, until the console hangs up. */
    private void hold(Socket plain) throws IOException {
        held.release();
        try {
            plain.getInputStream().transferTo(OutputStream.nullOutputStream());
        } finally {
            hungUp.release();
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new java.io.InterruptedIOException();
        }
    }

    /** {@return whether a request's head was read; false when the console closed the connection before one} */
    private static boolean readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = { '\r', '\n', '\r', '\n' };
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
