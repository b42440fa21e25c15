package org.certbench.agents.protocol;

import java.util.Locale;

/**
 * What went wrong, for programs; the error's message says it in words for the administrator. The same
 * codes appear in the API's error bodies and on the agent CLI's stderr. New codes may be added in later
 * versions of the protocol: a peer reads a code it does not know as {@link #UNKNOWN_ERROR}.
 */
public enum ErrorCode {
    /** The HTTP request came without a client certificate. */
    UNAUTHENTICATED(401),
    /** The client certificate is not one of the consoles the agent was told to accept. */
    FORBIDDEN(403),
    /** No such endpoint. */
    NOT_FOUND(404),
    /** The endpoint exists, but not with this HTTP method. */
    METHOD_NOT_ALLOWED(405),
    /** Malformed HTTP or JSON, a missing or ill-typed field, an unknown or missing CLI option. */
    INVALID_REQUEST(400),
    /** The request body is larger than {@link Endpoint#MAX_REQUEST_BYTES}. */
    PAYLOAD_TOO_LARGE(413),
    /** The request line and headers are larger than the agent reads. */
    HEADERS_TOO_LARGE(431),
    /** A certificate, CSR attribute or alternative name the crypto core cannot use as given. */
    INVALID_INPUT(422),
    /** A certificate was read but failed verification (wrong CA, expired, other key, no serverAuth …). */
    CERTIFICATE_REJECTED(422),
    /** A file named on the command line is missing, unreadable or cannot be written. */
    FILE_ERROR(400),
    /** The agent failed in a way the request did not cause; its log says more. */
    INTERNAL_ERROR(500),
    /** A code sent by a newer peer that this version does not know. */
    UNKNOWN_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status an API response with this error carries. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The code named {@code name}, or {@link #UNKNOWN_ERROR} for a name this version does not know. */
    public static ErrorCode fromName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return UNKNOWN_ERROR;
        }
    }
}
