package org.certbench.agent.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.certbench.agents.protocol.Endpoint;
import org.certbench.agents.protocol.ErrorResponse;
import org.certbench.agents.protocol.Json;

/**
 * A JSON response. Always with {@code Content-Length}, so the client knows where it ends on a kept-alive
 * connection.
 *
 * @param extraHeaders such as {@code Allow} for a 405
 */
record HttpResponse(int status, String json, Map<String, String> extraHeaders) {

    static HttpResponse ok(Map<String, Object> body) {
        return new HttpResponse(200, Json.write(body), Map.of());
    }

    static HttpResponse error(ErrorResponse error) {
        return new HttpResponse(error.code().httpStatus(), error.toJsonText(), Map.of());
    }

    HttpResponse withHeader(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put(name, value);
        return new HttpResponse(status, json, headers);
    }

    void write(OutputStream out, boolean keepAlive) throws IOException {
        byte[] body = (json + "\n").getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        head.append("Content-Type: ").append(Endpoint.MEDIA_TYPE).append("; charset=utf-8\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("Cache-Control: no-store\r\n");
        head.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n");
        extraHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    static void writeContinue(OutputStream out) throws IOException {
        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 422 -> "Unprocessable Content";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
