package org.certbench.agents.connector.internal;

import org.certbench.agents.protocol.ErrorCode;

/** A call to an agent that did not happen or was refused; the message says why, for an administrator. */
final class AgentCallException extends Exception {

    private static final long serialVersionUID = 1L;

    enum Kind {
        /** No TLS connection: refused, timed out, unknown host, not TLS. */
        UNREACHABLE,
        /** The agent's certificate is not trusted: nothing was sent. */
        UNTRUSTED,
        /** The agent answered with an error. */
        REFUSED,
        /** The answer was not what the protocol says. */
        PROTOCOL,
        /**
         * The batch was cancelled and its cancel closed the connection before any change was sent: nothing was changed
         * on the agent, and its status is what it was.
         */
        CANCELED
    }

    private final Kind kind;
    private final ErrorCode errorCode;

    AgentCallException(Kind kind, ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errorCode = errorCode;
    }

    AgentCallException(Kind kind, String message, Throwable cause) {
        this(kind, null, message, cause);
    }

    Kind kind() {
        return kind;
    }

    /** The agent's error code for {@link Kind#REFUSED}, else {@code null}. */
    ErrorCode errorCode() {
        return errorCode;
    }
}
