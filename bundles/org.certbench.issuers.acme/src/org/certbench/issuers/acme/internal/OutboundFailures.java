package org.certbench.issuers.acme.internal;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLHandshakeException;

import org.certbench.truststore.ProxySettings;
import org.certbench.truststore.ServerNotTrustedException;
import org.eclipse.osgi.util.NLS;

/**
 * A failed connection in words: the trust store's own refusal ({@link ServerNotTrustedException}, saying which
 * certificate and why) when the server's certificate was not trusted, else the deepest message there is.
 */
final class OutboundFailures {

    // the JDK's HttpClient has no type for a proxy's refusal of CONNECT, only this message
    private static final Pattern TUNNEL_REFUSED = Pattern.compile("Tunnel failed, got: (\\d{3})"); //$NON-NLS-1$

    private OutboundFailures() {
    }

    static boolean isNotTrusted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServerNotTrustedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * As {@link #inWords(Throwable)}, but naming {@code proxy} when connections go through one: then a refused
     * connection is the proxy's, and a proxy may refuse to connect to {@code server}.
     */
    static String inWords(Throwable failure, ProxySettings proxy, URI server) {
        if (proxy.isDirect()) {
            return inWords(failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Matcher refused = TUNNEL_REFUSED.matcher(String.valueOf(cause.getMessage()));
            if (cause instanceof java.io.IOException && refused.matches()) {
                return NLS.bind(Messages.Outbound_proxyRefused, new Object[] { proxy, server.getAuthority(),
                        refused.group(1) });
            }
            if (cause instanceof java.net.ConnectException) {
                return NLS.bind(Messages.Outbound_proxyUnreachable, proxy);
            }
        }
        return inWords(failure);
    }

    static String inWords(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServerNotTrustedException refused) {
                return refused.getMessage();
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLHandshakeException handshake) {
                return handshake.getMessage();
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // the JDK's HttpClient says these by type, with no message or a channel's
            if (cause instanceof java.net.ConnectException) {
                return Messages.Outbound_refused;
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                return Messages.Outbound_timeout;
            }
            if (cause instanceof java.nio.channels.UnresolvedAddressException
                    || cause instanceof java.net.UnknownHostException) {
                return Messages.Outbound_unresolved;
            }
        }
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage();
        return message == null || message.isBlank() ? deepest.getClass().getSimpleName() : message;
    }
}
