package org.certbench.agent.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;

import javax.net.ssl.SSLSocket;

import org.certbench.agent.AgentLog;
import org.certbench.agents.protocol.ErrorResponse;

/**
 * One client connection: the TLS handshake, then HTTP/1.1 requests until the client closes, stays idle
 * too long or is refused. Runs on its own (virtual) thread.
 */
final class ConnectionHandler implements Runnable {

    /** A client that connects and says nothing should not hold a thread and a socket for long. */
    static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    static final int IDLE_TIMEOUT_MILLIS = 30_000;

    private final SSLSocket socket;
    private final AccessControl access;
    private final ManagementApi api;
    private final AgentLog log;
    private final Runnable onClose;

    ConnectionHandler(SSLSocket socket, AccessControl access, ManagementApi api, AgentLog log, Runnable onClose) {
        this.socket = socket;
        this.access = access;
        this.api = api;
        this.log = log;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
            socket.startHandshake();
            serve();
        } catch (IOException e) {
            // handshake failures, timeouts and resets are the client's business (scanners, probes,
            // clients that only look at the certificate); nothing on the agent's side to report
        } finally {
            onClose.run();
        }
    }

    private void serve() throws IOException {
        HttpRequestReader reader = new HttpRequestReader(new BufferedInputStream(socket.getInputStream()));
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        String client = client();
        while (true) {
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            HttpRequestHead request;
            byte[] body;
            try {
                request = reader.readHead();
                if (request == null) {
                    return;
                }
                ErrorResponse refusal = access.refusal(socket.getSession(), request, client);
                if (refusal != null) {
                    // the body is not read: closing is cheaper than draining what a stranger sent
                    HttpResponse.error(refusal).write(out, false);
                    return;
                }
                if (request.expectsContinue()) {
                    HttpResponse.writeContinue(out);
                }
                body = reader.readBody(request);
            } catch (HttpProtocolException e) {
                HttpResponse.error(new ErrorResponse(e.code(), e.getMessage(), Map.of())).write(out, false);
                return;
            }
            HttpResponse response = api.handle(request, body);
            if (!"GET".equals(request.method()) || response.status() != 200) {
                log.info("LOG_CALL", request.method(), request.path(), client, response.status());
            }
            boolean keepAlive = request.keepAlive();
            response.write(out, keepAlive);
            if (!keepAlive) {
                return;
            }
        }
    }

    private String client() {
        return socket.getRemoteSocketAddress() instanceof InetSocketAddress address
                ? address.getAddress().getHostAddress() + ":" + address.getPort()
                : String.valueOf(socket.getRemoteSocketAddress());
    }
}
