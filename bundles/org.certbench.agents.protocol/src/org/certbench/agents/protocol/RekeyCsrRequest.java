package org.certbench.agents.protocol;

import java.util.Map;

/**
 * A CSR with a new key of a chosen type ({@link Endpoint#CREATE_CSR_REKEY}, since protocol 1.2).
 *
 * @param csr     what goes into the CSR besides the key
 * @param keyType the key type by the name administrators read: {@code P-256}, {@code P-384}, {@code RSA 2048},
 *                {@code RSA 3072} or {@code RSA 4096}; the agent refuses a type it does not make, in words
 * @since 1.2
 */
public record RekeyCsrRequest(CsrRequest csr, String keyType) {

    /** The key type of an agent told none: P-256, the key the agent makes on first use. */
    public static final String DEFAULT_KEY_TYPE = "P-256";

    /** Turns {@code null} components into the defaults. */
    public RekeyCsrRequest {
        csr = csr == null ? CsrRequest.defaults() : csr;
        keyType = keyType == null || keyType.isBlank() ? DEFAULT_KEY_TYPE : keyType;
    }

    /** {@return the request body: the fields of {@link CsrRequest#toJson()} and {@code keyType}} */
    public Map<String, Object> toJson() {
        Map<String, Object> json = csr.toJson();
        json.put("keyType", keyType);
        return json;
    }

    /**
     * Reads a request body; a missing {@code keyType} means {@link #DEFAULT_KEY_TYPE}.
     * @throws ProtocolException with {@link ErrorCode#INVALID_REQUEST} when a field is ill-typed
     */
    public static RekeyCsrRequest fromJson(JsonObject json) throws ProtocolException {
        return new RekeyCsrRequest(CsrRequest.fromJson(json), json.optionalString("keyType"));
    }
}
