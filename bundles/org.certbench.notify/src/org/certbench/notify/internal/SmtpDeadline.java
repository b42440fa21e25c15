package org.certbench.notify.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The bound on one whole SMTP exchange. Angus Mail only bounds each socket operation, so a server that sends a byte
 * just before every read would time out keeps a send (and the outbox's lock with it) forever. Every socket Angus opens
 * comes from the factories here, and when the deadline passes they are all closed: whatever Angus is blocked in then
 * fails at once. Sockets opened after that are closed as they are made.
 */
final class SmtpDeadline implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = timer();

    private final List<Socket> sockets = new ArrayList<>();
    private final ScheduledFuture<?> expiry;
    private boolean expired;

    SmtpDeadline(Duration bound) {
        expiry = TIMER.schedule(this::expire, bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = Executors.defaultThreadFactory().newThread(task);
            thread.setName("CertBench SMTP deadline"); //$NON-NLS-1$
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Whether the deadline passed (and so closed the exchange's sockets). */
    synchronized boolean expired() {
        return expired;
    }

    private synchronized void expire() {
        expired = true;
        // the plain sockets first: a TLS socket layered on one is then dead too, without a close_notify to write
        sockets.stream().filter(socket -> !(socket instanceof SSLSocket)).forEach(SmtpDeadline::closeQuietly);
        sockets.forEach(SmtpDeadline::closeQuietly);
    }

    private synchronized <S extends Socket> S track(S socket) throws IOException {
        if (expired) {
            closeQuietly(socket);
            throw new SocketException("deadline passed"); //$NON-NLS-1$
        }
        sockets.add(socket);
        return socket;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // it is being given up: a failing close changes nothing
        }
    }

    @Override
    public void close() {
        expiry.cancel(false);
    }

    /** Plain sockets (SMTP before STARTTLS, or a loopback relay), each tracked. */
    SocketFactory plain() {
        SocketFactory delegate = SocketFactory.getDefault();
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                return track(delegate.createSocket());
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return track(delegate.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return track(delegate.createSocket(host, port, local, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return track(delegate.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
                    throws IOException {
                return track(delegate.createSocket(host, port, local, localPort));
            }
        };
    }

    /** TLS sockets of {@code delegate} (the trust store's), each tracked, and the plain socket one is layered on. */
    SSLSocketFactory tls(SSLSocketFactory delegate) {
        return new SSLSocketFactory() {
            @Override
            public String[] getDefaultCipherSuites() {
                return delegate.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return delegate.getSupportedCipherSuites();
            }

            @Override
            public Socket createSocket() throws IOException {
                return track(delegate.createSocket());
            }

            @Override
            public Socket createSocket(Socket layered, String host, int port, boolean autoClose) throws IOException {
                track(layered);
                return track(delegate.createSocket(layered, host, port, autoClose));
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return track(delegate.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return track(delegate.createSocket(host, port, local, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return track(delegate.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
                    throws IOException {
                return track(delegate.createSocket(host, port, local, localPort));
            }
        };
    }
}
