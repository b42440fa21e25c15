package org.certbench.agent.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
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
 * <p>
 * Whatever clients do, an agent holds at most {@link ConnectionLimits#maxConnections()} connections, and
 * {@link ConnectionLimits#maxConnectionsPerAddress()} from one address; the ones over an address's limit are
 * closed as they are accepted, before any TLS work, and when all are taken the oldest stranger's connection
 * makes room for the new one. TLS runs over the accepted plain socket, so that a deadline can
 * close the plain socket under a handshake that takes too long.
 */
public final class AgentServer implements AutoCloseable {

    /** Consoles and agents are both CertBench: nothing older is needed, and TLS 1.3 encrypts the certificates. */
    private static final String[] PROTOCOLS = { "TLSv1.3" };
    private static final int BACKLOG = 512;
    /** Refused connections are logged as a count at most this often: a flood must not flood the log too. */
    static final Duration REFUSAL_LOG_INTERVAL = Duration.ofSeconds(10);
    /** After a failed accept (e.g. no file descriptor left), a pause instead of a busy loop. */
    private static final long ACCEPT_RETRY_MILLIS = 50;

    private final ServerSocket serverSocket;
    private final SSLSocketFactory tls;
    private final SSLParameters tlsParameters;
    private final ConnectionLimits limits;
    private final ConnectionSlots slots;
    private final AccessControl access;
    private final ManagementApi api;
    private final AgentLog log;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private final AgentStateDirectory state;
    private final RateLimit addressRefusals = new RateLimit(REFUSAL_LOG_INTERVAL);
    private final RateLimit totalRefusals = new RateLimit(REFUSAL_LOG_INTERVAL);
    private final RateLimit evictions = new RateLimit(REFUSAL_LOG_INTERVAL);
    /** Open connections without an authorised console's certificate (yet), oldest first. */
    private final Deque<Socket> unauthorised = new ConcurrentLinkedDeque<>();

    private AgentServer(ServerSocket serverSocket, SSLContext context, AgentServerOptions options,
            AgentStateDirectory state, AccessControl access, ManagementApi api) {
        this.serverSocket = serverSocket;
        this.tls = context.getSocketFactory();
        this.tlsParameters = tlsParameters(context);
        this.limits = options.limits();
        this.slots = new ConnectionSlots(limits);
        this.state = state;
        this.access = access;
        this.api = api;
        this.log = options.log();
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
        SSLContext context = context(keyManager);
        ServerSocket serverSocket = bind(options);
        log.name("certbench-agent:" + serverSocket.getLocalPort());
        ManagementApi api;
        try {
            // the key and certificate are read (or created) now, so that a broken state fails the start
            keyManager.load();
            api = new ManagementApi(certificates, log);
        } catch (ProtocolException | RuntimeException e) {
            serverSocket.close();
            throw e;
        }
        AgentServer server = new AgentServer(serverSocket, context, options, state,
                new AccessControl(new ConsoleRegistry(state), log), api);
        log.info("LOG_STARTED", serverSocket.getInetAddress().getHostAddress(), serverSocket.getLocalPort(),
                state.root());
        log.info("LOG_LIMITS", options.limits().maxConnections(), options.limits().maxConnectionsPerAddress());
        log.info("LOG_CRYPTO", CryptoProviders.status());
        Thread.ofPlatform().daemon(true).name("certbench-agent-accept-" + serverSocket.getLocalPort())
                .start(server::acceptLoop);
        return server;
    }

    private static final String SESSION_TICKETS_PROPERTY = "jdk.tls.server.newSessionTicketCount";

    private static SSLContext context(ReloadingKeyManager keyManager) throws IOException {
        // a handshake is an ECDSA (or RSA) signature and a key agreement: native, where the platform allows
        CryptoProviders.useNative();
        // No TLS 1.3 session tickets: a console never resumes (each connection must show the certificate in
        // use now), so a ticket per handshake was wasted work (≈ 3 % of a management call) and a session cache
        // entry per connection. The JDK reads it once, when JSSE first initialises (in the agent program: here),
        // from Java 24 on (older ones ignore it).
        if (System.getProperty(SESSION_TICKETS_PROPERTY) == null) {
            System.setProperty(SESSION_TICKETS_PROPERTY, "0");
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] { keyManager }, new TrustManager[] { new AnyClientCertificateTrustManager() },
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS is not available in this Java runtime", e);
        }
    }

    private static SSLParameters tlsParameters(SSLContext context) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        // ask every client for its certificate, require none: refusals are HTTP 401/403 with a JSON body
        parameters.setWantClientAuth(true);
        parameters.setApplicationProtocols(new String[] { "http/1.1" });
        return parameters;
    }

    private static ServerSocket bind(AgentServerOptions options) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(options.bindAddress(), options.port()), BACKLOG);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Survives every failure but an {@link Error}, which ends the thread (and, in the agent program, the process);
     * however it ends, {@link #awaitClosed()} returns, so that the program does not live on without serving.
     */
    private void acceptLoop() {
        try {
            while (!serverSocket.isClosed()) {
                acceptOne();
            }
        } finally {
            closed.countDown();
        }
    }

    private void acceptOne() {
        Socket socket;
        try {
            socket = serverSocket.accept();
        } catch (IOException | RuntimeException e) {
            if (!serverSocket.isClosed()) {
                warnQuietly("LOG_ACCEPT_FAILED", String.valueOf(e.getMessage()));
                pauseAfterFailedAccept();
            }
            return;
        }
        try {
            admit(socket);
        } catch (IOException | RuntimeException e) {
            warnQuietly("LOG_ACCEPT_FAILED", String.valueOf(e));
            closeQuietly(socket);
        }
    }

    private void warnQuietly(String key, Object... arguments) {
        try {
            log.warn(key, arguments);
        } catch (RuntimeException e) {
            // a log that cannot be written must not stop the agent from serving
        }
    }

    private void admit(Socket socket) throws IOException {
        ConnectionSlots.Slot slot = slots.acquire(socket.getInetAddress());
        if (slot.refusal() == ConnectionSlots.Refusal.TOTAL) {
            slot = makeRoom(socket);
        }
        if (slot.refusal() != null) {
            refuse(socket, slot.refusal());
            return;
        }
        try {
            // Nagle's algorithm delays the small TLS handshake records: ≈ 30 handshakes/s instead of hundreds
            socket.setTcpNoDelay(true);
            connections.add(socket);
            unauthorised.addLast(socket);
            ConnectionSlots.Slot taken = slot;
            Thread.ofVirtual().name("certbench-agent-connection").start(new ConnectionHandler(socket, tls,
                    tlsParameters, limits, access, api, log, () -> unauthorised.remove(socket), () -> {
                        connections.remove(socket);
                        unauthorised.remove(socket);
                        taken.close();
                    }));
        } catch (IOException | RuntimeException e) {
            connections.remove(socket);
            unauthorised.remove(socket);
            slot.close();
            throw e;
        }
    }

    /**
     * All slots are taken: the oldest connection that has not shown an authorised console's certificate is reset
     * and the new one takes its place. Clients from many addresses together can then keep strangers' connections
     * short, but never shut out a console: its connection is the newest, and once its handshake shows its
     * certificate it is closed for no one.
     */
    private ConnectionSlots.Slot makeRoom(Socket newcomer) {
        if (slots.open(newcomer.getInetAddress()) >= limits.maxConnectionsPerAddress()) {
            // an address at its own limit makes no room for itself at the others' expense
            return slots.acquire(newcomer.getInetAddress());
        }
        Socket oldest = unauthorised.pollFirst();
        if (oldest == null) {
            return slots.acquire(newcomer.getInetAddress());
        }
        reset(oldest);
        long left = evictions.admit();
        if (left >= 0) {
            log.warn("LOG_EVICTED", left + 1, limits.maxConnections());
        }
        return slots.acquireInPlaceOfEvicted(newcomer.getInetAddress());
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // closed normally then
        }
        closeQuietly(socket);
    }

    /** Closed with a reset: no TIME_WAIT state kept on the agent's side for a connection it never served. */
    private void refuse(Socket socket, ConnectionSlots.Refusal refusal) {
        reset(socket);
        if (refusal == ConnectionSlots.Refusal.ADDRESS) {
            long left = addressRefusals.admit();
            if (left >= 0) {
                log.warn("LOG_REFUSED_ADDRESS_LIMIT", left + 1, socket.getInetAddress().getHostAddress(),
                        limits.maxConnectionsPerAddress());
            }
        } else {
            long left = totalRefusals.admit();
            if (left >= 0) {
                log.warn("LOG_REFUSED_TOTAL_LIMIT", left + 1, limits.maxConnections());
            }
        }
    }

    private static void pauseAfterFailedAccept() {
        try {
            Thread.sleep(ACCEPT_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /** The connections open now (for tests and diagnostics). */
    public int openConnections() {
        return slots.open();
    }

    /** Blocks until the server is closed (by {@link #close()}, e.g. from a shutdown hook). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Whether {@link #close()} stopped the server, rather than a failure of its accept loop. */
    public boolean stoppedOnRequest() {
        return stopRequested;
    }

    /** Stops accepting and closes every open connection. */
    @Override
    public void close() {
        stopRequested = true;
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
