package org.certbench.agent;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import org.certbench.agents.protocol.JsonObject;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.KeyPurpose;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.PrivateKeys;
import org.certbench.crypto.SelfSignedCertificates;

/**
 * A console as the tests need it: its own key and client certificate (or none), a real
 * {@link HttpClient} over mutual TLS, and a trust manager that accepts whatever the agent presents (the
 * tests check what was presented instead).
 */
public final class ConsoleClient {

    private static final char[] PASSWORD = "test".toCharArray();

    private final Certificate certificate;
    private final SSLContext context;
    private final HttpClient http;

    private ConsoleClient(Certificate certificate, SSLContext context) {
        this.certificate = certificate;
        this.context = context;
        this.http = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A console with a fresh P-256 key and a self-signed clientAuth certificate named {@code CN=name}. */
    public static ConsoleClient withCertificate(String name) throws Exception {
        KeyPair key = PrivateKeys.generate(KeyType.EC_P256);
        Certificate certificate = SelfSignedCertificates.create(new HostIdentity(name, name, List.of()), key,
                Instant.now().minusSeconds(60), Duration.ofDays(30), EnumSet.of(KeyPurpose.CLIENT_AUTH));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("console", key.getPrivate(), PASSWORD,
                new X509Certificate[] { certificate.toX509Certificate() });
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, PASSWORD);
        return new ConsoleClient(certificate, context(factory.getKeyManagers()));
    }

    /** A client that presents no certificate at all. */
    public static ConsoleClient withoutCertificate() throws Exception {
        return new ConsoleClient(null, context(new KeyManager[0]));
    }

    private static SSLContext context(KeyManager[] keyManagers) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, new TrustManager[] { new AnyServer() }, null);
        return context;
    }

    public Certificate certificate() {
        return certificate;
    }

    /** Writes the console's certificate as PEM, for {@code console-authorize --file}. */
    public Path writeCertificate(Path file) throws IOException {
        Files.writeString(file, certificate.pem());
        return file;
    }

    public Reply get(int port, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(port, path)).GET());
    }

    /**
     * A GET that must be answered within {@code timeout}, connection and handshake included. On this console's one
     * client: a client per call would leave a kept-alive connection each, as many as the agent allows one address.
     */
    public Reply get(int port, String path, Duration timeout) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(port, path)).GET().timeout(timeout)
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    public Reply post(int port, String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(port, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
    }

    private static URI uri(int port, String path) {
        return URI.create("https://127.0.0.1:" + port + path);
    }

    /** A TLS connection to the agent with this console's certificate, handshake done. */
    public SSLSocket connect(int port) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }

    /** A fresh TLS connection's handshake: the SHA-256 fingerprint of the certificate the agent presents. */
    public String handshakeFingerprint(int port) throws Exception {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            byte[] der = socket.getSession().getPeerCertificates()[0].getEncoded();
            return Certificate.fromDer(der, "served certificate").sha256Fingerprint();
        }
    }

    /** An HTTP response as the tests check it. */
    public record Reply(int status, String body, String contentType) {

        public JsonObject json() throws Exception {
            return JsonObject.parse(body);
        }

        /** The {@code error.code} of an error body. */
        public String errorCode() throws Exception {
            return json().object("error").string("code");
        }

        public String errorMessage() throws Exception {
            return json().object("error").string("message");
        }
    }

    /** Accepts any agent certificate and checks no host name: the tests compare fingerprints instead. */
    static final class AnyServer extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
