package org.certbench.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * An attacker in a process of its own (the open-file limit is per process), from one source address:
 * <ul>
 * <li>{@code partial HOST PORT SOURCE COUNT}: opens COUNT connections, sends the first three bytes of a TLS
 * record on each and then nothing; prints {@code opened N refused R}, waits until its stdin closes, then prints
 * how many of them the agent had closed ({@code closed-by-agent C}).</li>
 * <li>{@code slowhead HOST PORT SOURCE COUNT}: COUNT connections that complete TLS without a client certificate
 * and then send a request head one byte every 200 ms; prints {@code handshakes H of N}, then, once every such
 * connection was closed by the agent or 60 s passed, {@code closed-by-agent C after-ms T heads-complete K}.</li>
 * </ul>
 */
public final class FloodMain {

    private FloodMain() {
    }

    public static void main(String[] arguments) throws Exception {
        InetSocketAddress target = new InetSocketAddress(arguments[1], Integer.parseInt(arguments[2]));
        String source = arguments[3];
        int count = Integer.parseInt(arguments[4]);
        if (arguments[0].equals("partial")) {
            partialRecords(target, source, count);
        } else {
            slowHeads(target, source, count);
        }
    }

    private static Socket connect(InetSocketAddress target, String source) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(source, 0));
        socket.connect(target, 5_000);
        return socket;
    }

    private static void partialRecords(InetSocketAddress target, String source, int count) throws Exception {
        List<Socket> sockets = new ArrayList<>(count);
        int refused = 0;
        for (int i = 0; i < count; i++) {
            Socket socket;
            try {
                socket = connect(target, source);
            } catch (IOException e) {
                refused++;
                continue;
            }
            sockets.add(socket);
            try {
                // a TLS handshake record's first bytes: type 22, version 3.1, and the length never comes
                socket.getOutputStream().write(new byte[] { 0x16, 0x03, 0x01 });
            } catch (IOException e) {
                // the agent closed it already: counted below
            }
        }
        System.out.println("opened " + sockets.size() + " refused " + refused);
        System.out.flush();
        System.in.readAllBytes();
        int closedByAgent = 0;
        for (Socket socket : sockets) {
            if (closedByPeer(socket)) {
                closedByAgent++;
            }
            socket.close();
        }
        System.out.println("closed-by-agent " + closedByAgent);
    }

    private static boolean closedByPeer(Socket socket) {
        try {
            socket.setSoTimeout(1);
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static void slowHeads(InetSocketAddress target, String source, int count) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] { new ConsoleClient.AnyServer() }, null);
        List<SSLSocket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket plain = null;
            try {
                plain = connect(target, source);
                plain.setSoTimeout(5_000);
                SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, target.getHostString(),
                        target.getPort(), true);
                tls.startHandshake();
                sockets.add(tls);
            } catch (IOException e) {
                if (plain != null) {
                    plain.close();
                }
            }
        }
        System.out.println("handshakes " + sockets.size() + " of " + count);
        System.out.flush();
        byte[] head = ("GET /api/v1/certificate HTTP/1.1\r\nHost: agent\r\nUser-Agent: "
                + "slow".repeat(40) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        long start = System.nanoTime();
        long lastClosed = 0;
        int closed = 0;
        int complete = 0;
        boolean[] gone = new boolean[sockets.size()];
        for (int b = 0; b < head.length && closed < sockets.size()
                && System.nanoTime() - start < 60_000_000_000L; b++) {
            for (int i = 0; i < sockets.size(); i++) {
                if (gone[i]) {
                    continue;
                }
                try {
                    sockets.get(i).getOutputStream().write(head[b]);
                    sockets.get(i).getOutputStream().flush();
                } catch (IOException e) {
                    gone[i] = true;
                    closed++;
                    lastClosed = System.nanoTime() - start;
                }
            }
            Thread.sleep(200);
        }
        for (int i = 0; i < sockets.size(); i++) {
            if (!gone[i]) {
                complete++;
            }
            sockets.get(i).close();
        }
        System.out.println("closed-by-agent " + closed + " after-ms " + lastClosed / 1_000_000 + " heads-complete "
                + complete);
    }
}
