package org.certbench.issuers.acme.internal;

import javax.net.ssl.SSLHandshakeException;

import org.certbench.truststore.ServerNotTrustedException;

/**
 * A failed connection in words: the trust store's own refusal ({@link ServerNotTrustedException}, saying which
 * certificate and why) when the server's certificate was not trusted, else the deepest message there is.
 */
final class OutboundFailures {

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
