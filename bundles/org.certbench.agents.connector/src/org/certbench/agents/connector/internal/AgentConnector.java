package org.certbench.agents.connector.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.protocol.ConnectionDeadlines;
import org.certbench.agents.protocol.Endpoint;
import org.certbench.agents.protocol.ErrorResponse;
import org.certbench.agents.protocol.Json;
import org.certbench.agents.protocol.JsonObject;
import org.certbench.agents.protocol.ProtocolException;
import org.certbench.core.TextBundle;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CryptoProviders;
import org.eclipse.osgi.util.NLS;

/**
 * TLS connections to agents: no proxy (a plain socket, {@link Proxy#NO_PROXY}), {@code TCP_NODELAY} (Nagle
 * holds back the small handshake records: ≈ 30 handshakes/s instead of hundreds), the console's client
 * certificate on management calls (a status handshake needs no authorisation and goes without), and trust
 * decided by {@link TrustPolicy} alone. Every connection gets a fresh
 * {@link SSLContext}, so no TLS session is ever resumed: a resumed session skips the certificate, and the
 * status must be decided on what the agent presents now.
 */
final class AgentConnector {

    /** Consoles and agents are both CertBench: TLS 1.3 only, which also keeps the certificates off the wire. */
    private static final String[] PROTOCOLS = { "TLSv1.3" }; //$NON-NLS-1$
    /**
     * One key share instead of two: offered X25519 and P-256, the JDK's client makes a key for each, and the
     * unused one is ≈ 9 % of a status handshake. With the native provider P-256 costs 36 µs for a key pair and
     * agreement against 196 µs for the JDK's X25519, which the native provider does not offer; without it X25519
     * is the cheaper. CertBench's agent takes either; any other server gets a second try with the JDK's default
     * groups. A holder class: the native provider (≈ 0.3 s to load) is loaded at the first connection, not when
     * the fleet service starts.
     */
    static final class KeyShare {
        static final String[] GROUPS = CryptoProviders.useNative() ? new String[] { "secp256r1" } //$NON-NLS-1$
                : new String[] { "x25519" }; //$NON-NLS-1$

        private KeyShare() {
        }
    }

    /**
     * The suites of TLS 1.3: the JDK checks every offered suite against its algorithm constraints on every
     * handshake, ≈ 3 % of a status handshake with the default list of ~45.
     */
    private static final String[] CIPHER_SUITES = { "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", //$NON-NLS-1$ //$NON-NLS-2$
            "TLS_CHACHA20_POLY1305_SHA256" }; //$NON-NLS-1$

    /** An agent explains a refusal in a sentence or two; longer is no explanation. */
    private static final int MAX_ERROR_CHARS = 500;

    record Handshake(Certificate certificate, TrustDecision decision) {
    }

    record Reply(Certificate presented, JsonObject body) {
    }

    /** A management call to one agent: over a connection of its own, or over a {@link Session}'s. */
    @FunctionalInterface
    interface Caller {
        Reply call(Endpoint endpoint, Map<String, Object> json) throws AgentCallException, FleetException;
    }

    /**
     * A TLS connection and the plain socket under it, which deadlines and a batch's cancel close (see
     * {@link ConnectionDeadlines}), and the batch step it belongs to.
     */
    private record Connection(Socket plain, SSLSocket tls, Cancellation.Step step) implements AutoCloseable {
        @Override
        public void close() {
            closeQuietly(plain);
            step.closed(plain);
        }
    }

    /**
     * The calls that change an agent: a batch's step commits before sending one ({@link Cancellation}), so that a
     * cancel never leaves an agent changed without this console knowing. Asking for a CSR changes nothing that
     * matters: a new key stays pending on the agent, unused, until a certificate for it arrives, and the next such
     * request replaces it.
     */
    private static final Set<Endpoint> CHANGES = EnumSet.of(Endpoint.APPLY_CERTIFICATE, Endpoint.APPLY_SELF_SIGNED,
            Endpoint.CONFIRM_KEY_SWITCH, Endpoint.ROLL_BACK_KEY_SWITCH);

    private final ConsoleIdentity console;
    private final FleetOptions options;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Revocations revocations = new Revocations();

    /** {@return the revocation services every trust decision of this connector consults first} */
    Revocations revocations() {
        return revocations;
    }

    AgentConnector(ConsoleIdentity console, FleetOptions options, Clock clock) {
        this.console = console;
        this.options = options;
        this.clock = clock;
    }

    /**
     * A complete TLS handshake (so the agent proved it holds the certificate's key), then the connection is
     * closed. An untrusted certificate is no error here: the decision says so.
     */
    Handshake handshake(AgentEntry agent) throws AgentCallException, FleetException {
        return handshake(agent, agent.pinnedCertificate());
    }

    /**
     * As {@link #handshake(AgentEntry)}, when the agent is likely to present {@code expected} (a certificate just
     * applied): the same bytes are not parsed again.
     */
    Handshake handshake(AgentEntry agent, Certificate expected) throws AgentCallException, FleetException {
        PresentedCertificateTrustManager trust = new PresentedCertificateTrustManager(
                presented -> TrustPolicy.decide(agent, presented, clock.instant(), revocations), false, expected);
        // no client certificate: the status needs no authorisation, and signing for it (and the agent
        // verifying that signature) would double the handshake's cost for nothing
        try (Connection connection = open(agent, trust, false)) {
            return new Handshake(trust.presented(), trust.decision());
        }
    }

    /**
     * A management call: refused before any request is sent when the agent is not trusted.
     *
     * @param json the request body, or {@code null} for none
     */
    Reply call(AgentEntry agent, Endpoint endpoint, Map<String, Object> json) throws AgentCallException, FleetException {
        return call(agent, trustManager(agent, true), endpoint, json);
    }

    /**
     * A management call to an agent presenting exactly {@code expected}, trusted or not: the certificate this console
     * just applied with a new key, to roll back from when the trust rule refuses it (a rollback carries no secret,
     * and the agent holds that key because this console sent it the certificate over a trusted connection).
     */
    Reply callPresenting(AgentEntry agent, Certificate expected, Endpoint endpoint, Map<String, Object> json)
            throws AgentCallException, FleetException {
        PresentedCertificateTrustManager trust = new PresentedCertificateTrustManager(
                presented -> presented.equals(expected) ? TrustDecision.trusted(null)
                        : TrustDecision.untrusted(NLS.bind(Messages.Rekey_otherPresented,
                                presented.sha256Fingerprint(), expected.sha256Fingerprint())),
                true, expected);
        return call(agent, trust, endpoint, json);
    }

    private Reply call(AgentEntry agent, PresentedCertificateTrustManager trust, Endpoint endpoint,
            Map<String, Object> json) throws AgentCallException, FleetException {
        try (Connection connection = open(agent, trust, true)) {
            return new Reply(trust.presented(), exchange(agent, connection,
                    new BufferedInputStream(inputOf(connection)), endpoint, json, false));
        }
    }

    /**
     * A connection to a trusted agent for the steps of one renewal, each moments after the last: one handshake with
     * the console's certificate instead of one per step. The agent keeps an idle connection for 30 s by default;
     * a step after a longer pause (a slow issuer) goes over a new connection, with its own handshake and trust
     * decision. A session is for one thread.
     */
    final class Session implements AutoCloseable {

        private final AgentEntry agent;
        private PresentedCertificateTrustManager trust;
        private Connection connection;
        private BufferedInputStream in;
        private long lastUsed;

        private Session(AgentEntry agent) {
            this.agent = agent;
        }

        /** {@return the certificate the agent presented on the connection of the last call, or of the handshake} */
        Certificate presented() {
            return trust.presented();
        }

        /**
         * A management call on this session's connection, opened (and the agent's certificate decided on) if there is
         * none or it was idle too long.
         *
         * @param json the request body, or {@code null} for none
         */
        Reply call(Endpoint endpoint, Map<String, Object> json) throws AgentCallException, FleetException {
            if (connection != null && System.nanoTime() - lastUsed > SESSION_IDLE_NANOS) {
                close();
            }
            boolean kept = connection != null;
            if (!kept) {
                connect();
            }
            try {
                return exchange(endpoint, json);
            } catch (AgentCallException e) {
                // a kept connection is not used again after a failure: its state is unknown
                close();
                if (!kept || e.kind() == AgentCallException.Kind.REFUSED
                        || e.kind() == AgentCallException.Kind.CANCELED) {
                    throw e;
                }
            }
            // The agent may close a kept connection sooner than this console expects (a shorter idle timeout than
            // its default): the request is sent once more, over a connection of its own. Only a certificate is
            // sent over a kept connection, and sending the same one again changes nothing more.
            connect();
            try {
                return exchange(endpoint, json);
            } catch (AgentCallException e) {
                close();
                throw e;
            }
        }

        private Reply exchange(Endpoint endpoint, Map<String, Object> json) throws AgentCallException {
            JsonObject body = AgentConnector.this.exchange(agent, connection, in, endpoint, json, true);
            lastUsed = System.nanoTime();
            return new Reply(trust.presented(), body);
        }

        private void connect() throws AgentCallException, FleetException {
            trust = trustManager(agent, true);
            connection = AgentConnector.this.open(agent, trust, true);
            try {
                in = new BufferedInputStream(inputOf(connection));
            } catch (AgentCallException e) {
                close();
                throw e;
            }
            lastUsed = System.nanoTime();
        }

        /** Opens the connection now: the agent's certificate is known (and trusted) afterwards. */
        Session open() throws AgentCallException, FleetException {
            connect();
            return this;
        }

        @Override
        public void close() {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }

    /**
     * A kept connection idle longer than this is closed and a new one opened: well below the agent's idle timeout
     * (30 s by default), so that the agent never closes it under a request.
     */
    private static final long SESSION_IDLE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    /** {@return a session with the agent, connected: its certificate trusted, or an exception saying why not} */
    Session session(AgentEntry agent) throws AgentCallException, FleetException {
        return new Session(agent).open();
    }

    private static java.io.InputStream inputOf(Connection connection) throws AgentCallException {
        try {
            return connection.tls().getInputStream();
        } catch (IOException e) {
            throw connection.step().wasCut() ? canceled(e)
                    : new AgentCallException(AgentCallException.Kind.UNREACHABLE,
                            NLS.bind(Messages.Call_failed, describe(e)), e);
        }
    }

    /** The failure of a step a batch's cancel cut: its connection was closed before any change was sent. */
    private static AgentCallException canceled(Throwable cause) {
        return new AgentCallException(AgentCallException.Kind.CANCELED, Messages.Batch_canceledUnderWay, cause);
    }

    /** One request and its answer on an open connection, within the call timeout as a whole. */
    private JsonObject exchange(AgentEntry agent, Connection connection, BufferedInputStream in, Endpoint endpoint,
            Map<String, Object> json, boolean keepAlive) throws AgentCallException {
        // the point from which a cancel no longer cuts: once a change is on its way, its answer is waited for
        if (CHANGES.contains(endpoint) && !connection.step().commit()) {
            throw canceled(null);
        }
        HttpExchange.Response response;
        try (var deadline = ConnectionDeadlines.start(connection.plain(), options.callTimeout())) {
            try {
                connection.tls().setSoTimeout((int) options.callTimeout().toMillis());
                response = HttpExchange.exchange(in, connection.tls().getOutputStream(), agent.address(), endpoint,
                        json == null ? null : Json.write(json), keepAlive);
            } catch (IOException e) {
                throw callFailure(connection.step(), deadline, e);
            }
        }
        return body(agent, response);
    }

    private AgentCallException callFailure(Cancellation.Step step, ConnectionDeadlines.Deadline deadline,
            IOException e) {
        if (step.wasCut()) {
            return canceled(e);
        }
        if (e instanceof HttpExchange.MalformedResponseException) {
            return new AgentCallException(AgentCallException.Kind.PROTOCOL, e.getMessage(), e);
        }
        if (e instanceof SocketTimeoutException) {
            return new AgentCallException(AgentCallException.Kind.UNREACHABLE,
                    TextBundle.fill(Messages.Call_timeout, options.callTimeout().toSeconds()), e);
        }
        return new AgentCallException(AgentCallException.Kind.UNREACHABLE, deadline.expired()
                ? TextBundle.fill(Messages.Call_deadline, options.callTimeout().toSeconds())
                : NLS.bind(Messages.Call_failed, describe(e)), e);
    }

    private PresentedCertificateTrustManager trustManager(AgentEntry agent, boolean refuseUntrusted) {
        return new PresentedCertificateTrustManager(
                presented -> TrustPolicy.decide(agent, presented, clock.instant(), revocations), refuseUntrusted,
                agent.pinnedCertificate());
    }

    private Connection open(AgentEntry agent, PresentedCertificateTrustManager trust, boolean asConsole)
            throws AgentCallException, FleetException {
        try {
            return open(agent, trust, asConsole, KeyShare.GROUPS);
        } catch (AgentCallException e) {
            // refused before any certificate arrived: perhaps no common group; never after a trust decision
            if (e.kind() != AgentCallException.Kind.CANCELED && e.getCause() instanceof SSLHandshakeException
                    && trust.presented() == null && trust.unreadable() == null) {
                return open(agent, trust, asConsole, null);
            }
            throw e;
        }
    }

    /**
     * Connects and completes the TLS handshake, each within its timeout as a whole.
     *
     * @param groups the key exchange groups to offer, or {@code null} for the JDK's defaults
     */
    private Connection open(AgentEntry agent, PresentedCertificateTrustManager trust, boolean asConsole,
            String[] groups) throws AgentCallException, FleetException {
        SSLContext context = context(trust, asConsole);
        Socket plain = new Socket(Proxy.NO_PROXY);
        // registered before the connect: a cancel also ends a connect to a host that never answers
        Cancellation.Step step = Cancellation.current();
        if (!step.opening(plain)) {
            throw canceled(null);
        }
        try {
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(agent.host(), agent.port()), (int) options.connectTimeout().toMillis());
        } catch (SocketTimeoutException e) {
            closeQuietly(plain);
            throw step.wasCut() ? canceled(e)
                    : new AgentCallException(AgentCallException.Kind.UNREACHABLE, TextBundle.fill(
                            Messages.Connect_timeout, agent.address(), options.connectTimeout().toSeconds()), e);
        } catch (IOException e) {
            closeQuietly(plain);
            throw step.wasCut() ? canceled(e) : unreachableOrUntrusted(agent, trust, e);
        }
        var deadline = ConnectionDeadlines.start(plain, options.handshakeTimeout());
        try (deadline) {
            plain.setSoTimeout((int) options.handshakeTimeout().toMillis());
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, agent.host(), agent.port(),
                    true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(PROTOCOLS);
            parameters.setCipherSuites(CIPHER_SUITES);
            if (groups != null) {
                parameters.setNamedGroups(groups);
            }
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return new Connection(plain, socket, step);
        } catch (IOException e) {
            closeQuietly(plain);
            throw step.wasCut() ? canceled(e)
                    : unreachableOrUntrusted(agent, trust, deadline.expired() ? timedOut(e) : e);
        }
    }

    /** The failure a deadline caused, as the timeout it is: the deadline closed the socket under the handshake. */
    private static SocketTimeoutException timedOut(IOException closed) {
        SocketTimeoutException timeout = new SocketTimeoutException(closed.getMessage());
        timeout.initCause(closed);
        return timeout;
    }

    private SSLContext context(PresentedCertificateTrustManager trust, boolean asConsole) throws FleetException {
        try {
            SSLContext context = SSLContext.getInstance("TLS"); //$NON-NLS-1$
            context.init(asConsole ? console.get().keyManagers() : new KeyManager[0], new TrustManager[] { trust },
                    random);
            return context;
        } catch (GeneralSecurityException e) {
            throw new FleetException(NLS.bind(Messages.Connect_noTls, e.getMessage()), e);
        }
    }

    private AgentCallException unreachableOrUntrusted(AgentEntry agent, PresentedCertificateTrustManager trust,
            IOException e) {
        if (trust.decision() != null && !trust.decision().isTrusted()) {
            return new AgentCallException(AgentCallException.Kind.UNTRUSTED,
                    NLS.bind(Messages.Call_untrusted, agent.name(), trust.decision().reason()), e);
        }
        if (trust.unreadable() != null) {
            return new AgentCallException(AgentCallException.Kind.UNREACHABLE,
                    NLS.bind(Messages.Connect_unreadableCertificate, trust.unreadable()), e);
        }
        String reason;
        if (e instanceof UnknownHostException) {
            reason = NLS.bind(Messages.Connect_unknownHost, agent.host());
        } else if (e instanceof ConnectException) {
            reason = NLS.bind(Messages.Connect_refused, agent.address());
        } else if (e instanceof SSLException) {
            reason = NLS.bind(Messages.Connect_handshakeFailed, agent.address(), describe(e));
        } else if (e instanceof InterruptedIOException) {
            reason = TextBundle.fill(Messages.Connect_handshakeTimeout, agent.address(),
                    options.handshakeTimeout().toSeconds());
        } else {
            reason = NLS.bind(Messages.Connect_failed, agent.address(), describe(e));
        }
        return new AgentCallException(AgentCallException.Kind.UNREACHABLE, reason, e);
    }

    private JsonObject body(AgentEntry agent, HttpExchange.Response response) throws AgentCallException {
        JsonObject json;
        try {
            json = JsonObject.parse(response.body());
        } catch (ProtocolException e) {
            throw new AgentCallException(AgentCallException.Kind.PROTOCOL,
                    NLS.bind(Messages.Call_notJson, response.status(), e.getMessage()), e);
        }
        if (response.status() == 200) {
            return json;
        }
        ErrorResponse error;
        try {
            error = ErrorResponse.fromJson(json);
        } catch (ProtocolException e) {
            throw new AgentCallException(AgentCallException.Kind.PROTOCOL,
                    NLS.bind(Messages.Call_notJson, response.status(), e.getMessage()), e);
        }
        // the agent's words reach a terminal or a dialog: no control characters from a hostile agent
        String said = HttpExchange.printable(error.message(), MAX_ERROR_CHARS);
        String message = switch (error.code()) {
            case UNAUTHENTICATED, FORBIDDEN -> NLS.bind(Messages.Call_consoleNotAuthorised,
                    new Object[] { agent.name(), said, console.certificateFile() });
            default -> NLS.bind(Messages.Call_refused, agent.name(), said);
        };
        throw new AgentCallException(AgentCallException.Kind.REFUSED, error.code(), message, null);
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // the connection failed already; nothing to add
        }
    }
}
