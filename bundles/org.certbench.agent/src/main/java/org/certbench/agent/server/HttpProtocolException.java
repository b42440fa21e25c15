package org.certbench.agent.server;

import org.certbench.agent.Messages;
import org.certbench.agents.protocol.ErrorCode;

/** The bytes on the connection are not an HTTP/1.1 request this server accepts; the connection is closed. */
final class HttpProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    HttpProtocolException(ErrorCode code, String messageKey, Object... arguments) {
        super(Messages.format(messageKey, arguments));
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
