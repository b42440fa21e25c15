package org.certbench.testing.servers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback address where a service or an agent hangs: it accepts each connection and closes it at once or, while
 * {@link #hold() holding}, keeps it open and says nothing until {@link #release() released}. A peer slow to fail, for
 * as long as a test wants; it counts the connections it accepted.
 */
public final class HoldingListener implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> held = new ArrayList<>();
    private boolean holding;

    /** Listens on a free port of the loopback address, closing each connection at once until {@link #hold()}. */
    public HoldingListener() throws IOException {
        server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("holding-listener").start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    accepted.incrementAndGet();
                    keepOrClose(socket);
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private synchronized void keepOrClose(Socket socket) throws IOException {
        if (holding) {
            held.add(socket);
        } else {
            socket.close();
        }
    }

    /** From now on each connection is kept open, unanswered. */
    public synchronized void hold() {
        holding = true;
    }

    /** {@return how many connections are held open now} */
    public synchronized int held() {
        return held.size();
    }

    /** Closes the connections held, and from now on each at once. */
    public synchronized void release() throws IOException {
        holding = false;
        for (Socket socket : held) {
            socket.close();
        }
        held.clear();
    }

    /** {@return the port it listens on} */
    public int port() {
        return server.getLocalPort();
    }

    /** {@return how many connections it accepted since it started} */
    public int connections() {
        return accepted.get();
    }

    @Override
    public void close() throws IOException {
        release();
        server.close();
    }
}
