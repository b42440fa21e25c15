package org.certbench.agent.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.certbench.agents.protocol.Endpoint;
import org.certbench.agents.protocol.ErrorCode;

/**
 * Reads HTTP/1.1 requests from a connection: request line, headers, and a body of {@code Content-Length}
 * bytes. Deliberately small: no chunked bodies (the API's clients always know the length), no header
 * folding, bounded sizes everywhere, so that a hostile client cannot make the agent buffer without limit.
 * <p>
 * Why not the JDK's {@code HttpsServer}: its limits (request and response times, connections) are process-wide
 * {@code sun.net.httpserver} system properties, where one JVM runs a thousand agents in the fleet benchmark; it
 * offers no hook between accepting a connection and starting TLS, where the per-address limit must refuse it;
 * and its TLS runs on {@code SSLEngine} in its own dispatcher, out of reach of the deadlines that close a plain
 * socket. This reader is fuzzed with Jazzer ({@code org.certbench.agent.fuzz}).
 */
final class HttpRequestReader {

    private static final int MAX_HEAD_BYTES = Endpoint.MAX_HEAD_BYTES;
    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final InputStream in;

    /** @param in buffered: {@link #awaitRequest()} looks at the next byte without taking it */
    HttpRequestReader(BufferedInputStream in) {
        this.in = in;
    }

    /**
     * Waits for the first byte of the next request without taking it, so that the request's deadline can
     * start when the request does; {@code false} when the client closed the connection instead.
     */
    boolean awaitRequest() throws IOException {
        in.mark(1);
        int first = in.read();
        in.reset();
        return first >= 0;
    }

    /** The next request's head, or {@code null} when the client closed the connection between requests. */
    HttpRequestHead readHead() throws IOException, HttpProtocolException {
        String requestLine = readLine(true);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || !METHOD.matcher(parts[0]).matches() || !parts[1].startsWith("/")
                || !(parts[2].equals("HTTP/1.1") || parts[2].equals("HTTP/1.0"))) {
            throw new HttpProtocolException(ErrorCode.INVALID_REQUEST, "HTTP_BAD_REQUEST_LINE");
        }
        Map<String, String> headers = new HashMap<>();
        int headBytes = requestLine.length();
        while (true) {
            String line = readLine(false);
            headBytes += line.length() + 2;
            if (headBytes > MAX_HEAD_BYTES) {
                throw new HttpProtocolException(ErrorCode.HEADERS_TOO_LARGE, "HTTP_HEAD_TOO_LARGE", MAX_HEAD_BYTES);
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !HEADER_NAME.matcher(line.substring(0, colon)).matches()) {
                throw new HttpProtocolException(ErrorCode.INVALID_REQUEST, "HTTP_BAD_HEADER");
            }
            headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int query = parts[1].indexOf('?');
        String path = query < 0 ? parts[1] : parts[1].substring(0, query);
        return new HttpRequestHead(parts[0], path, parts[2], headers);
    }

    /**
     * Refuses a body this reader would not take (chunked, no number, too large) before any of it is read, and
     * before a client that waits for {@code 100 Continue} is invited to send it.
     *
     * @return the announced length, 0 without {@code Content-Length}
     */
    long checkBody(HttpRequestHead head) throws HttpProtocolException {
        if (head.header("transfer-encoding") != null) {
            throw new HttpProtocolException(ErrorCode.INVALID_REQUEST, "HTTP_CHUNKED_UNSUPPORTED");
        }
        String lengthHeader = head.header("content-length");
        if (lengthHeader == null) {
            return 0;
        }
        long length;
        try {
            length = Long.parseLong(lengthHeader);
        } catch (NumberFormatException e) {
            throw new HttpProtocolException(ErrorCode.INVALID_REQUEST, "HTTP_BAD_CONTENT_LENGTH", lengthHeader);
        }
        if (length < 0) {
            throw new HttpProtocolException(ErrorCode.INVALID_REQUEST, "HTTP_BAD_CONTENT_LENGTH", lengthHeader);
        }
        if (length > Endpoint.MAX_REQUEST_BYTES) {
            throw new HttpProtocolException(ErrorCode.PAYLOAD_TOO_LARGE, "HTTP_BODY_TOO_LARGE", length,
                    Endpoint.MAX_REQUEST_BYTES);
        }
        return length;
    }

    /** The body announced by {@code Content-Length} (none without it), checked by {@link #checkBody}. */
    byte[] readBody(HttpRequestHead head) throws IOException, HttpProtocolException {
        long length = checkBody(head);
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new HttpProtocolException(ErrorCode.INVALID_REQUEST, "HTTP_BODY_TRUNCATED", body.length, length);
        }
        return body;
    }

    /**
     * One line without its CRLF (a bare LF is accepted too, as most servers do).
     *
     * @param first a clean end of stream before any byte is the client closing an idle connection
     */
    private String readLine(boolean first) throws IOException, HttpProtocolException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (first && line.size() == 0) {
                    return null;
                }
                throw new HttpProtocolException(ErrorCode.INVALID_REQUEST, "HTTP_TRUNCATED_HEAD");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_HEAD_BYTES) {
                throw new HttpProtocolException(ErrorCode.HEADERS_TOO_LARGE, "HTTP_HEAD_TOO_LARGE", MAX_HEAD_BYTES);
            }
            line.write(b);
        }
    }
}
