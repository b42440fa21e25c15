package org.certbench.agents.protocol;

import java.util.Optional;

/**
 * The management API, version 1. Every path starts with {@link #PREFIX}; a later incompatible version
 * gets a new prefix and both can be served side by side. Requests and responses are JSON
 * ({@link #MEDIA_TYPE}); errors are {@link ErrorResponse}s with the status of their {@link ErrorCode}.
 */
public enum Endpoint {
    /** No body; answers a {@link CertificateInfo} of the certificate the agent serves. */
    GET_CERTIFICATE("GET", "/api/v1/certificate"),
    /** {@link CsrRequest} → {@link CsrResponse}; the CSR is signed on the agent with its own key. */
    CREATE_CSR("POST", "/api/v1/csr"),
    /**
     * {@link CsrRequest} → {@link CsrResponse}, since protocol 1.1: the agent makes a new key, keeps it pending
     * (its key and certificate in use stay as they are) and signs the CSR with it; applying a certificate for the
     * pending key then switches to both at once. An agent of protocol 1.0 answers {@link ErrorCode#NOT_FOUND}.
     */
    CREATE_CSR_NEW_KEY("POST", "/api/v1/csr/new-key"),
    /**
     * {@link RekeyCsrRequest} → {@link CsrResponse}, since protocol 1.2: as {@link #CREATE_CSR_NEW_KEY} with a key of
     * the type asked for, and applying a certificate for the pending key keeps the pair in use before as the
     * previous pair (0600) until the console confirms the new one ({@link #CONFIRM_KEY_SWITCH}) or rolls back to it
     * ({@link #ROLL_BACK_KEY_SWITCH}). An agent of protocol 1.1 or older answers {@link ErrorCode#NOT_FOUND}.
     */
    CREATE_CSR_REKEY("POST", "/api/v1/csr/rekey"),
    /**
     * {@link KeySwitchRequest} → {@link CertificateInfo} of the certificate in use, since protocol 1.2: the new key
     * was confirmed by a handshake, the agent forgets its previous pair.
     */
    CONFIRM_KEY_SWITCH("POST", "/api/v1/certificate/confirm"),
    /**
     * {@link KeySwitchRequest} → {@link CertificateInfo} of the certificate in use, since protocol 1.2: the new key
     * was not confirmed, the agent puts its previous pair back in use (one rename). Refused with
     * {@link ErrorCode#INVALID_INPUT} when the named certificate is not in use or no previous pair is kept.
     */
    ROLL_BACK_KEY_SWITCH("POST", "/api/v1/certificate/rollback"),
    /** {@link ApplyCertificateRequest} → {@link ApplyCertificateResponse}. */
    APPLY_CERTIFICATE("POST", "/api/v1/certificate/apply"),
    /** {@link ApplySelfSignedRequest} → {@link ApplySelfSignedResponse}. */
    APPLY_SELF_SIGNED("POST", "/api/v1/certificate/self-signed");

    /** The path every endpoint of this protocol version starts with. */
    public static final String PREFIX = "/api/v1/";
    /** The content type of every request and response body. */
    public static final String MEDIA_TYPE = "application/json";
    /**
     * Requests carry two PEM certificates at most (a few KiB); anything much larger is not a protocol message.
     * The agent refuses a larger body (413) before reading it.
     */
    public static final int MAX_REQUEST_BYTES = 256 * 1024;
    /** Responses carry a certificate or a CSR; a console reads no more than this from an agent. */
    public static final int MAX_RESPONSE_BYTES = 256 * 1024;
    /** The request line and headers; a larger head is refused (431) after this many bytes. */
    public static final int MAX_HEAD_BYTES = 16 * 1024;

    private final String method;
    private final String path;

    Endpoint(String method, String path) {
        this.method = method;
        this.path = path;
    }

    /** {@return the HTTP method, e.g. {@code GET}} */
    public String method() {
        return method;
    }

    /** {@return the request path, starting with {@link #PREFIX}} */
    public String path() {
        return path;
    }

    /** The endpoint at {@code path} (without query), whatever the method. */
    public static Optional<Endpoint> atPath(String path) {
        for (Endpoint endpoint : values()) {
            if (endpoint.path.equals(path)) {
                return Optional.of(endpoint);
            }
        }
        return Optional.empty();
    }
}
