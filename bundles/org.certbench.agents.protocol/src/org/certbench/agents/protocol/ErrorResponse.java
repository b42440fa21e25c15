package org.certbench.agents.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error shape of the API and of the agent CLI:
 * {@code {"error": {"code": "…", "message": "…", "details": {…}}}}.
 *
 * @param details JSON-compatible values only (strings, booleans, numbers, lists and maps of them)
 */
public record ErrorResponse(ErrorCode code, String message, Map<String, Object> details) {

    /** Copies the details ({@code null}: none), so the response stays unchanged. */
    public ErrorResponse {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** {@return the response body, {@code {"error": {"code", "message", "details"}}}} */
    public Map<String, Object> toJson() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.name());
        error.put("message", message);
        error.put("details", details);
        return Map.of("error", error);
    }

    /** {@return the response body as JSON text} */
    public String toJsonText() {
        return Json.write(toJson());
    }

    /**
     * Reads an error body; an unknown code becomes {@link ErrorCode#UNKNOWN_ERROR}.
     * @throws ProtocolException with {@link ErrorCode#INVALID_REQUEST} when a field is missing or ill-typed
     */
    public static ErrorResponse fromJson(JsonObject json) throws ProtocolException {
        JsonObject error = json.object("error");
        return new ErrorResponse(ErrorCode.fromName(error.string("code")), error.string("message"),
                error.optionalMap("details"));
    }

    /** The same error as an exception, for a client that received it. */
    public ProtocolException toException() {
        return new ProtocolException(code, message, details, null);
    }
}
