package org.certbench.agents.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.certbench.agents.protocol.internal.Messages;

/**
 * A refusal in the shape both the API and the agent CLI report it: a {@link ErrorCode}, a message for the
 * administrator and details for programs (for example the crypto core's code and the failed checks).
 */
public class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient Map<String, Object> details;

    public ProtocolException(ErrorCode code, String message, Map<String, ?> details, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, Map.of(), null);
    }

    /** An error whose message is the protocol bundle's text {@code messageKey} with {@code arguments}. */
    static ProtocolException of(ErrorCode code, String messageKey, Object... arguments) {
        return new ProtocolException(code, Messages.format(messageKey, arguments));
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public ErrorResponse toErrorResponse() {
        return new ErrorResponse(code, getMessage(), details);
    }
}
