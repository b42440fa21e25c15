package org.certbench.truststore;

import java.security.cert.CertificateException;
import java.util.List;

import org.certbench.crypto.CryptoProblem;

/**
 * Why an outbound connection refused the server's certificate chain. The trust manager of
 * {@link OutboundTls#sslContext()} throws it; the TLS stack hands it on as the cause of the
 * {@code SSLHandshakeException} a plug-in's connection fails with. Its message is the same sentence
 * {@code net:check} and Settings &gt; Outbound Connections show: the host, and each broken rule naming the
 * certificate concerned.
 */
public class ServerNotTrustedException extends CertificateException {

    private static final long serialVersionUID = 1L;

    /** The host the connection went to. */
    private final String host;
    private final transient List<CryptoProblem> problems;

    /** A refusal of the server at {@code host}; {@code message} is shown as it is and {@code problems} are copied. */
    public ServerNotTrustedException(String message, String host, List<CryptoProblem> problems) {
        super(message);
        this.host = host;
        this.problems = List.copyOf(problems);
    }

    /** The host the connection asked for, or {@code null} when the TLS stack did not say. */
    public String host() {
        return host;
    }

    /** Each broken rule, with its code for programs (empty after deserialisation). */
    public List<CryptoProblem> problems() {
        return problems == null ? List.of() : problems;
    }
}
