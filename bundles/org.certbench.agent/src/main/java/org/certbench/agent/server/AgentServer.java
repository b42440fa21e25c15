package org.certbench.agent.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import org.certbench.agent.AgentLog;
import org.certbench.agent.certificates.CertificateManager;
import org.certbench.agent.state.AgentStateDirectory;
import org.certbench.agent.state.ConsoleRegistry;
import org.certbench.agent.state.IdentityStore;
import org.certbench.agents.protocol.ProtocolException;
import org.certbench.crypto.CryptoProviders;

/**
 * One running agent: a TLS server on its port with the key and certificate of its state directory,
 * answering the management API to authorised consoles. Many can run in one process, each with its own
 * state directory and port (the fleet benchmark does). Every connection gets a virtual thread, so ten
 * thousand idle agents cost memory, not threads.
 */
public final class AgentServer implements AutoCloseable {

    private static final String[] PROTOCOLS = { "TLSv1.3", "TLSv1.2" };
    private static final int BACKLOG = 512;

    private final SSLServerSocket serverSocket;
    private final AccessControl access;
    private final ManagementApi api;
    private final AgentLog log;
    private final Set<SSLSocket> connections = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AgentStateDirectory state;

    private AgentServer(SSLServerSocket serverSocket, AgentStateDirectory state, AccessControl access,
            ManagementApi api, AgentLog log) {
        this.serverSocket = serverSocket;
        this.state = state;
        this.access = access;
        this.api = api;
        this.log = log;
    }

    /**
     * Opens the state directory (creating the key and a self-signed certificate on first start), binds the
     * port and starts accepting connections.
     */
    public static AgentServer start(AgentServerOptions options) throws IOException, ProtocolException {
        AgentLog log = options.log();
        AgentStateDirectory state = AgentStateDirectory.open(options.stateDirectory());
        CertificateManager certificates = new CertificateManager(new IdentityStore(state), options.host(),
                options.clock());
        ReloadingKeyManager keyManager = new ReloadingKeyManager(certificates, log);
        SSLServerSocket serverSocket = bind(options, keyManager);
        log.name("certbench-agent:" + serverSocket.getLocalPort());
        try {
            // the key and certificate are read (or created) now, so that a broken state fails the start
            keyManager.load();
        } catch (ProtocolException | RuntimeException e) {
            serverSocket.close();
            throw e;
        }
        AgentServer server = new AgentServer(serverSocket, state,
                new AccessControl(new ConsoleRegistry(state), log), new ManagementApi(certificates, log), log);
        log.info("LOG_STARTED", serverSocket.getInetAddress().getHostAddress(), serverSocket.getLocalPort(),
                state.root());
        log.info("LOG_CRYPTO", CryptoProviders.status());
        Thread.ofPlatform().daemon(true).name("certbench-agent-accept-" + serverSocket.getLocalPort())
                .start(server::acceptLoop);
        return server;
    }

    private static final String SESSION_TICKETS_PROPERTY = "jdk.tls.server.newSessionTicketCount";

    private static SSLServerSocket bind(AgentServerOptions options, ReloadingKeyManager keyManager) throws IOException {
        // a handshake is an ECDSA (or RSA) signature and a key agreement: native, where the platform allows
        CryptoProviders.useNative();
        // No TLS 1.3 session tickets: a console never resumes (each connection must show the certificate in
        // use now), so a ticket per handshake was wasted work (≈ 3 % of a management call) and a session cache
        // entry per connection. The JDK reads it once, when JSSE first initialises (in the agent program: here),
        // from Java 24 on (older ones ignore it).
        if (System.getProperty(SESSION_TICKETS_PROPERTY) == null) {
            System.setProperty(SESSION_TICKETS_PROPERTY, "0");
        }
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] { keyManager }, new TrustManager[] { new AnyClientCertificateTrustManager() },
                    null);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS is not available in this Java runtime", e);
        }
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(options.bindAddress(), options.port()), BACKLOG);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(PROTOCOLS);
            // ask every client for its certificate, require none: refusals are HTTP 401/403 with a JSON body
            parameters.setWantClientAuth(true);
            parameters.setApplicationProtocols(new String[] { "http/1.1" });
            socket.setSSLParameters(parameters);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            SSLSocket socket;
            try {
                socket = (SSLSocket) serverSocket.accept();
            } catch (IOException e) {
                if (!serverSocket.isClosed()) {
                    log.warn("LOG_ACCEPT_FAILED", String.valueOf(e.getMessage()));
                    continue;
                }
                break;
            }
            try {
                // Nagle's algorithm delays the small TLS handshake records: ≈ 30 handshakes/s instead of hundreds
                socket.setTcpNoDelay(true);
            } catch (SocketException e) {
                closeQuietly(socket);
                continue;
            }
            connections.add(socket);
            Thread.ofVirtual().name("certbench-agent-connection")
                    .start(new ConnectionHandler(socket, access, api, log, () -> connections.remove(socket)));
        }
        closed.countDown();
    }

    /** The port the server is bound to (the ephemeral one when started with port 0). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    public AgentStateDirectory stateDirectory() {
        return state;
    }

    /** Blocks until the server is closed (by {@link #close()}, e.g. from a shutdown hook). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops accepting and closes every open connection. */
    @Override
    public void close() {
        if (serverSocket.isClosed()) {
            return;
        }
        closeQuietly(serverSocket);
        connections.forEach(AgentServer::closeQuietly);
        log.info("LOG_STOPPED", serverSocket.getLocalPort());
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing on shutdown: nothing left to do with a socket that will not close
        }
    }
}
