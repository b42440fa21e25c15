package org.certbench.agent.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.CertificateEncodingException;
import java.util.Map;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.certbench.agent.AgentLog;
import org.certbench.agents.protocol.ConnectionDeadlines;
import org.certbench.agents.protocol.ErrorResponse;
import org.certbench.crypto.Fingerprints;

/**
 * One client connection: the TLS handshake, then HTTP/1.1 requests until the client closes, stays idle
 * too long or is refused. Runs on its own (virtual) thread. The handshake, each request and each response
 * must be done within the {@link ConnectionLimits}' deadlines as a whole; otherwise the plain socket is
 * closed under them.
 */
final class ConnectionHandler implements Runnable {

    private final Socket plain;
    private final SSLSocketFactory tls;
    private final SSLParameters tlsParameters;
    private final ConnectionLimits limits;
    private final AccessControl access;
    private final ManagementApi api;
    private final AgentLog log;
    private final Runnable onAuthorised;
    private final Runnable onClose;

    /**
     * @param onAuthorised run once the handshake shows an authorised console's certificate: from then on the
     *                     connection is not closed to make room for others
     */
    ConnectionHandler(Socket plain, SSLSocketFactory tls, SSLParameters tlsParameters, ConnectionLimits limits,
            AccessControl access, ManagementApi api, AgentLog log, Runnable onAuthorised, Runnable onClose) {
        this.plain = plain;
        this.tls = tls;
        this.tlsParameters = tlsParameters;
        this.limits = limits;
        this.access = access;
        this.api = api;
        this.log = log;
        this.onAuthorised = onAuthorised;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try (plain) {
            SSLSocket socket;
            try (var deadline = ConnectionDeadlines.start(plain, limits.handshakeTimeout())) {
                socket = (SSLSocket) tls.createSocket(plain, null, true);
                socket.setSSLParameters(tlsParameters);
                socket.setSoTimeout((int) limits.handshakeTimeout().toMillis());
                socket.startHandshake();
            }
            if (access.isAuthorised(socket.getSession())) {
                onAuthorised.run();
            }
            try (socket) {
                serve(socket);
            }
        } catch (IOException e) {
            // handshake failures, deadlines and resets are the client's business (scanners, probes,
            // clients that only look at the certificate); nothing on the agent's side to report
        } catch (RuntimeException e) {
            // one broken connection must not end the others, nor the agent
            log.warn("LOG_CONNECTION_FAILED", client(), String.valueOf(e));
        } finally {
            onClose.run();
        }
    }

    private void serve(SSLSocket socket) throws IOException {
        BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
        HttpRequestReader reader = new HttpRequestReader(in);
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        String client = client();
        while (true) {
            socket.setSoTimeout((int) limits.idleTimeout().toMillis());
            // a whole deadline, not the read timeout alone: TLS records without data (a key update, a record
            // trickled a byte at a time) keep a read going without ever delivering the request's first byte
            try (var deadline = ConnectionDeadlines.start(plain, limits.idleTimeout())) {
                if (!reader.awaitRequest()) {
                    return;
                }
            }
            HttpRequestHead request;
            byte[] body;
            try (var deadline = ConnectionDeadlines.start(plain, limits.requestTimeout())) {
                socket.setSoTimeout((int) limits.requestTimeout().toMillis());
                request = reader.readHead();
                ErrorResponse denied = access.refusal(socket.getSession(), request, client);
                if (denied != null) {
                    // the body is not read: closing is cheaper than draining what a stranger sent
                    HttpResponse.error(denied).write(out, false);
                    return;
                }
                reader.checkBody(request);
                if (request.expectsContinue()) {
                    HttpResponse.writeContinue(out);
                }
                body = reader.readBody(request);
            } catch (HttpProtocolException e) {
                respond(out, HttpResponse.error(new ErrorResponse(e.code(), e.getMessage(), Map.of())), false);
                return;
            }
            HttpResponse response = api.handle(request, body, console(socket));
            if (!"GET".equals(request.method()) || response.status() != 200) {
                // the status as text: a number format in the pattern costs a DecimalFormat per logged call
                log.info("LOG_CALL", request.method(), request.path(), client, Integer.toString(response.status()));
            }
            boolean keepAlive = request.keepAlive();
            respond(out, response, keepAlive);
            if (!keepAlive) {
                return;
            }
        }
    }

    /** The fingerprint of the authorised console that made the call: the "who" of the audit log. */
    private static String console(SSLSocket socket) {
        try {
            return Fingerprints.sha256(socket.getSession().getPeerCertificates()[0].getEncoded());
        } catch (SSLPeerUnverifiedException | CertificateEncodingException e) {
            return ManagementApi.UNKNOWN_CONSOLE;
        }
    }

    /** A client that does not read its response within the deadline loses the connection. */
    private void respond(OutputStream out, HttpResponse response, boolean keepAlive) throws IOException {
        try (var deadline = ConnectionDeadlines.start(plain, limits.requestTimeout())) {
            response.write(out, keepAlive);
        }
    }

    private String client() {
        return plain.getRemoteSocketAddress() instanceof InetSocketAddress address
                ? address.getAddress().getHostAddress() + ":" + address.getPort()
                : String.valueOf(plain.getRemoteSocketAddress());
    }
}
