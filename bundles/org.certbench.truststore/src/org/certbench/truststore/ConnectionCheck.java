package org.certbench.truststore;

/**
 * The outcome of a test connection.
 *
 * @param url        what was connected to
 * @param proxy      the proxy used ({@code "none (direct connections)"} when none)
 * @param success    whether the TLS handshake verified and an HTTP response came back
 * @param httpStatus the HTTP status, or 0 when none came back
 * @param message    what happened, in words
 */
public record ConnectionCheck(String url, String proxy, boolean success, int httpStatus, String message) {
}
