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

    /** The error code sent to the peer. */
    private final ErrorCode code;
    private final transient Map<String, Object> details;

    /** A refusal with details for the peer ({@code null}: none) and a cause ({@code null}: none). */
    public ProtocolException(ErrorCode code, String message, Map<String, ?> details, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** A refusal without details; {@code message} is sent to the peer and shown as it is. */
    public ProtocolException(ErrorCode code, String message) {
        this(code, message, Map.of(), null);
    }

    /** An error whose message is the protocol bundle's text {@code messageKey} with {@code arguments}. */
    static ProtocolException of(ErrorCode code, String messageKey, Object... arguments) {
        return new ProtocolException(code, Messages.format(messageKey, arguments));
    }

    /** {@return the code the peer receives} */
    public ErrorCode code() {
        return code;
    }

    /** {@return what the message names, for programs (e.g. the limit exceeded); never {@code null}, unmodifiable} */
    public Map<String, Object> details() {
        return details;
    }

    /** {@return this refusal as the error body the peer receives} */
    public ErrorResponse toErrorResponse() {
        return new ErrorResponse(code, getMessage(), details);
    }
}
