package org.certbench.testing.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on 127.0.0.1 in front of a real agent, as the network between a console and an agent: it forwards
 * every connection until told to let only a few more through; after the last of those it stops listening, so the
 * next connections are refused as by a host that went away, until it listens again on the same port. Counting
 * connections, not time, decides where the agent is lost, so a test knows which step of the console met it. One home
 * for the connector's and the workbench's tests of a lost agent.
 */
public final class AgentRelay implements AutoCloseable {

    /** The port the console is given for the agent. */
    public final int port;
    private final int agentPort;
    private final AtomicInteger left = new AtomicInteger(Integer.MAX_VALUE);
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listening;

    private AgentRelay(int agentPort) throws IOException {
        this.agentPort = agentPort;
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = listening.getLocalPort();
        acceptOn(listening);
    }

    /** {@return a relay forwarding every connection to the agent listening on 127.0.0.1 {@code agentPort}} */
    public static AgentRelay to(int agentPort) throws IOException {
        return new AgentRelay(agentPort);
    }

    /** Forwards {@code connections} more, then stops listening (after accepting the last of them). */
    public void letThrough(int connections) {
        left.set(connections);
    }

    /** Listens again on the same port and forwards every connection. */
    public void listenAgain() throws IOException {
        left.set(Integer.MAX_VALUE);
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listening = server;
        acceptOn(server);
    }

    private void acceptOn(ServerSocket server) {
        Thread.ofPlatform().daemon(true).name("agent-relay-" + port).start(() -> {
            try {
                while (true) {
                    Socket client = server.accept();
                    if (left.decrementAndGet() <= 0) {
                        // before this connection's first byte is forwarded: the next one is refused
                        server.close();
                    }
                    forward(client);
                }
            } catch (IOException closed) {
                // stopped listening
            }
        });
    }

    private void forward(Socket client) throws IOException {
        Socket agent = new Socket(InetAddress.getLoopbackAddress(), agentPort);
        sockets.add(client);
        sockets.add(agent);
        pump(client, agent);
        pump(agent, client);
    }

    private static void pump(Socket from, Socket to) {
        Thread.ofPlatform().daemon(true).start(() -> {
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                byte[] buffer = new byte[16 * 1024];
                for (int n; (n = in.read(buffer)) >= 0;) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                closeQuietly(to);
            }
        });
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        listening.close();
        sockets.forEach(AgentRelay::closeQuietly);
    }
}
