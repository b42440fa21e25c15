package org.certbench.agent.server;

import java.util.Locale;
import java.util.Map;

/**
 * The request line and headers of one HTTP/1.1 request.
 *
 * @param path    the request target without query string
 * @param headers names in lower case; a repeated header keeps its last value
 */
record HttpRequestHead(String method, String path, String version, Map<String, String> headers) {

    HttpRequestHead {
        headers = Map.copyOf(headers);
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** HTTP/1.1 keeps the connection unless the client says "close"; HTTP/1.0 closes unless "keep-alive". */
    boolean keepAlive() {
        String connection = header("connection");
        String value = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
        return "HTTP/1.1".equals(version) ? !value.contains("close") : value.contains("keep-alive");
    }

    boolean expectsContinue() {
        String expect = header("expect");
        return expect != null && expect.equalsIgnoreCase("100-continue");
    }
}
