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

    public ErrorResponse {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.name());
        error.put("message", message);
        error.put("details", details);
        return Map.of("error", error);
    }

    public String toJsonText() {
        return Json.write(toJson());
    }

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
