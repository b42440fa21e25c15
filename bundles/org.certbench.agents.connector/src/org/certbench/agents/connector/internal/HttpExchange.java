package org.certbench.agents.connector.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.certbench.agents.protocol.Endpoint;
import org.certbench.core.ControlCharacters;
import org.certbench.core.TextBundle;
import org.eclipse.osgi.util.NLS;

/**
 * One HTTP/1.1 request and its response on a fresh connection ({@code Connection: close}), or on the connection of a
 * {@link AgentConnector.Session} (one renewal's CSR and certificate, moments apart, to the agent it trusted). Written here
 * rather than using the JDK's HttpClient because the console must decide trust on every call: HttpClient
 * keeps connections (and TLS sessions) alive across calls, so an agent whose certificate changed behind
 * the console's back would still be served on an old connection; and each HttpClient runs its own
 * selector thread, which does not scale to a thousand agents with a client (trust manager) each. The
 * agent's responses always carry {@code Content-Length}, which keeps this small.
 * <p>
 * What an agent answers is read as hostile: lines, header count and body are bounded, and anything that is
 * not a well-formed response fails with a {@link MalformedResponseException} saying what is wrong.
 */
final class HttpExchange {

    record Response(int status, String body) {
    }

    /** The agent's answer is not an HTTP response this console reads; the message says why, in words. */
    static final class MalformedResponseException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedResponseException(String message) {
            super(message);
        }
    }

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;

    private HttpExchange() {
    }

    static Response exchange(InputStream rawIn, OutputStream out, String hostHeader, Endpoint endpoint, String json)
            throws IOException {
        return exchange(new BufferedInputStream(rawIn), out, hostHeader, endpoint, json, false);
    }

    /**
     * As {@link #exchange(InputStream, OutputStream, String, Endpoint, String)}; with {@code keepAlive} the
     * connection stays open for another request, read from the same buffered {@code in}.
     */
    static Response exchange(BufferedInputStream in, OutputStream out, String hostHeader, Endpoint endpoint,
            String json, boolean keepAlive) throws IOException {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder();
        head.append(endpoint.method()).append(' ').append(endpoint.path()).append(" HTTP/1.1\r\n"); //$NON-NLS-1$
        head.append("Host: ").append(hostHeader).append("\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
        head.append("Accept: ").append(Endpoint.MEDIA_TYPE).append("\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
        if (json != null) {
            head.append("Content-Type: ").append(Endpoint.MEDIA_TYPE).append("\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
        }
        head.append("Content-Length: ").append(body.length).append("\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
        // HTTP/1.1 keeps a connection without the header
        head.append(keepAlive ? "\r\n" : "Connection: close\r\n\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        // one write, one TLS record: head and body written apart were two records, two sends, two wake-ups
        out.write(request);
        out.flush();
        return read(in);
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = status(statusLine);
        while (status == 100) {
            skipHeaders(in);
            status = status(line(in));
        }
        long length = -1;
        for (int i = 0;; i++) {
            if (i > MAX_HEADERS) {
                throw new MalformedResponseException(NLS.bind(Messages.Response_tooManyHeaders, MAX_HEADERS));
            }
            String header = line(in);
            if (header.isEmpty()) {
                break;
            }
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-length")) { //$NON-NLS-1$
                length = contentLength(header.substring(colon + 1).strip());
            }
        }
        if (length < 0) {
            throw new MalformedResponseException(Messages.Response_noContentLength);
        }
        if (length > Endpoint.MAX_RESPONSE_BYTES) {
            throw new MalformedResponseException(
                    NLS.bind(Messages.Response_tooLarge, length, Endpoint.MAX_RESPONSE_BYTES));
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new MalformedResponseException(
                    TextBundle.fill(Messages.Response_truncated, body.length, length));
        }
        return new Response(status, new String(body, StandardCharsets.UTF_8));
    }

    /** Digits only: {@code Long.parseLong} would take "+5" and fail on "5x" with an exception of its own. */
    private static long contentLength(String value) throws MalformedResponseException {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedResponseException(NLS.bind(Messages.Response_badContentLength, shown(value)));
        }
        return Long.parseLong(value);
    }

    private static int status(String statusLine) throws MalformedResponseException {
        String[] parts = statusLine.split(" ", 3); //$NON-NLS-1$
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || parts[1].length() != 3 //$NON-NLS-1$
                || !parts[1].chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedResponseException(NLS.bind(Messages.Response_notHttp, shown(statusLine)));
        }
        return Integer.parseInt(parts[1]);
    }

    /** What the agent sent, as much as a message can show: printable, at most 80 characters. */
    private static String shown(String text) {
        return printable(text, 80);
    }

    /**
     * Text an agent sent, fit to show: every control character (C0, DEL, C1, line separators, bidirectional
     * overrides) as '?', cut after {@code max} characters.
     */
    static String printable(String text, int max) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length() && shown.length() < max; i++) {
            char c = text.charAt(i);
            shown.append(ControlCharacters.isControl(c) ? '?' : c);
        }
        return text.length() > max ? shown + "…" : shown.toString(); //$NON-NLS-1$
    }

    private static void skipHeaders(InputStream in) throws IOException {
        for (int i = 0; i <= MAX_HEADERS; i++) {
            if (line(in).isEmpty()) {
                return;
            }
        }
        throw new MalformedResponseException(NLS.bind(Messages.Response_tooManyHeaders, MAX_HEADERS));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new MalformedResponseException(Messages.Response_closedEarly);
            }
            if (b == '\n') {
                break;
            }
            if (line.size() >= MAX_LINE) {
                throw new MalformedResponseException(NLS.bind(Messages.Response_lineTooLong, MAX_LINE));
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text; //$NON-NLS-1$
    }
}
