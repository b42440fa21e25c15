package org.certbench.issuers.acme.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.certbench.issuers.Challenge;
import org.certbench.issuers.ChallengeResponder;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.eclipse.osgi.util.NLS;

/**
 * Answers {@code http-01} with a listener of its own, open from the first challenge deployed to the last one
 * cleaned up (the issuer cleans up as soon as the CA has validated, before finalising), on the address configured,
 * {@value #ALL_ADDRESSES} for all. It answers {@code GET /.well-known/acme-challenge/TOKEN} for pending tokens only and 404 to anything
 * else; what a client sends is hostile: the request head is bounded in size and in time (one deadline for the whole
 * head, however slowly it trickles in), a few connections at once.
 */
final class StandaloneResponder implements ChallengeResponder {

    /**
     * Every address, IPv6 and IPv4: the wildcard socket of a dual-stack host ({@code ::}, which takes IPv4 too), or
     * {@code 0.0.0.0} where there is no IPv6. The default, since a CA validates at whatever the name resolves to, and
     * Let's Encrypt tries an AAAA record first: an IPv4-only listener fails the challenge of a host that has one.
     */
    static final String ALL_ADDRESSES = "*"; //$NON-NLS-1$
    private static final String PREFIX = "/.well-known/acme-challenge/"; //$NON-NLS-1$
    private static final int MAX_HEAD = 8 * 1024;
    /** How long a client may take for its whole request head. */
    private static final Duration HEAD_DEADLINE = Duration.ofSeconds(5);
    private static final int MAX_CONNECTIONS = 16;
    private static final int PRIVILEGED_PORTS = 1024;
    private static final long PORT_RELEASE_MILLIS = 5_000;

    private final String bindAddress;
    private final int port;
    private final Duration headDeadline;
    private final Map<String, String> pending = new ConcurrentHashMap<>();
    private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);
    private ServerSocket listener;
    private Thread acceptor;

    StandaloneResponder(String bindAddress, int port) {
        this(bindAddress, port, HEAD_DEADLINE);
    }

    /** As {@link #StandaloneResponder(String, int)} with another deadline for a head: a test cuts tricklers sooner. */
    StandaloneResponder(String bindAddress, int port, Duration headDeadline) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.headDeadline = headDeadline;
    }

    String bindAddress() {
        return bindAddress;
    }

    int port() {
        return port;
    }

    @Override
    public boolean supports(String type) {
        return WebrootResponder.HTTP_01.equals(type);
    }

    @Override
    public synchronized void deploy(Challenge challenge) throws IssuerException {
        Tokens.requireToken(challenge.token());
        if (listener == null) {
            listener = open();
            ServerSocket accepting = listener;
            acceptor = Thread.ofPlatform().daemon().name("certbench-acme-http-01-" + port) //$NON-NLS-1$
                    .start(() -> accept(accepting));
        }
        pending.put(challenge.token(), challenge.content());
    }

    @Override
    public synchronized void cleanUp(Challenge challenge) {
        pending.remove(challenge.token());
        if (pending.isEmpty() && listener != null) {
            try {
                listener.close();
            } catch (IOException e) {
                // closing a listening socket fails only if it is closed already
            }
            listener = null;
            awaitPortReleased();
        }
    }

    /**
     * Waits for the accepting thread to leave {@code accept}: until it does, the kernel keeps the closed listening
     * socket, and a web server started right after cleanup (or the next issuance) would find the port taken.
     */
    private void awaitPortReleased() {
        try {
            acceptor.join(PORT_RELEASE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        acceptor = null;
    }

    private ServerSocket open() throws IssuerException {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(ALL_ADDRESSES.equals(bindAddress) ? new InetSocketAddress(port)
                    : new InetSocketAddress(InetAddress.getByName(bindAddress), port));
            return socket;
        } catch (BindException e) {
            close(socket);
            String message = port < PRIVILEGED_PORTS && String.valueOf(e.getMessage()).contains("ermission") //$NON-NLS-1$
                    ? Messages.Standalone_privileged : Messages.Standalone_notBound;
            throw new IssuerException(Reason.REFUSED, NLS.bind(message, new Object[] { bindAddress, port,
                    e.getMessage() }), e);
        } catch (IOException | SecurityException e) {
            close(socket);
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Standalone_notBound, new Object[] {
                    bindAddress, port, e.getMessage() }), e);
        }
    }

    private void accept(ServerSocket accepting) {
        while (!accepting.isClosed()) {
            Socket client;
            try {
                client = accepting.accept();
            } catch (IOException e) {
                return;
            }
            if (!connections.tryAcquire()) {
                close(client);
                continue;
            }
            Thread.ofVirtual().start(() -> {
                try (Socket open = client) {
                    answer(open);
                } catch (IOException e) {
                    // a client that sent garbage, too much or too slowly, or went away: nothing to tell anyone
                } finally {
                    connections.release();
                }
            });
        }
    }

    private void answer(Socket client) throws IOException {
        // one deadline for the whole head, not per read: a client trickling a byte at a time must not keep its slot
        long deadline = System.nanoTime() + headDeadline.toNanos();
        String requestLine = requestLine(client, deadline);
        String[] parts = requestLine == null ? new String[0] : requestLine.split(" "); //$NON-NLS-1$
        String content = null;
        if (parts.length == 3 && "GET".equals(parts[0]) && parts[1].startsWith(PREFIX)) { //$NON-NLS-1$
            content = pending.get(parts[1].substring(PREFIX.length()));
        }
        byte[] body = (content == null ? "not found\n" : content).getBytes(StandardCharsets.US_ASCII); //$NON-NLS-1$
        String head = (content == null ? "HTTP/1.1 404 Not Found" : "HTTP/1.1 200 OK") //$NON-NLS-1$ //$NON-NLS-2$
                + "\r\nContent-Type: text/plain\r\nContent-Length: " + body.length //$NON-NLS-1$
                + "\r\nConnection: close\r\n\r\n"; //$NON-NLS-1$
        OutputStream out = client.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /**
     * The first line of a request head read to its end (bounded in size, and in time by {@code deadline}); null for
     * one too long or cut short.
     *
     * @throws SocketTimeoutException if the head is not complete by the deadline
     */
    private static String requestLine(Socket client, long deadline) throws IOException {
        InputStream in = client.getInputStream();
        byte[] head = new byte[MAX_HEAD];
        int length = 0;
        while (length < MAX_HEAD) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException();
            }
            client.setSoTimeout((int) left);
            int read = in.read(head, length, MAX_HEAD - length);
            if (read < 0) {
                return null;
            }
            length += read;
            String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
            if (text.contains("\r\n\r\n")) { //$NON-NLS-1$
                return text.substring(0, text.indexOf("\r\n")); //$NON-NLS-1$
            }
        }
        return null;
    }

    private static void close(java.io.Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException e) {
                // nothing was opened through it yet
            }
        }
    }
}
