package org.certbench.example.haproxy.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One command on an HAProxy CLI socket (the runtime API of {@code stats socket}, or the master CLI): connect,
 * send the command, read the answer until HAProxy closes the connection (non-interactive mode), all within a
 * time limit.
 */
final class RuntimeSocket {

    private final Path socket;
    private final Duration timeout;

    RuntimeSocket(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    Path path() {
        return socket;
    }

    /** Sends {@code command} (with its payload, if any; a final newline is added when missing). */
    String send(String command) throws IOException {
        String line = command.endsWith("\n") ? command : command + "\n"; //$NON-NLS-1$ //$NON-NLS-2$
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                Selector selector = Selector.open()) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.configureBlocking(false);
            ByteBuffer out = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
            SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
            while (out.hasRemaining()) {
                await(selector, deadline);
                channel.write(out);
            }
            key.interestOps(SelectionKey.OP_READ);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(8192);
            while (true) {
                await(selector, deadline);
                int read = channel.read(in);
                if (read < 0) {
                    return answer.toString(StandardCharsets.UTF_8);
                }
                answer.write(in.array(), 0, in.position());
                in.clear();
            }
        }
    }

    private void await(Selector selector, long deadline) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0 || selector.select(Math.max(1, left / 1_000_000)) == 0 && System.nanoTime() >= deadline) {
            throw new SocketTimeoutException(socket.toString());
        }
        selector.selectedKeys().clear();
    }
}
