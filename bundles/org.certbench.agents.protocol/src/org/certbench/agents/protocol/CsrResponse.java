package org.certbench.agents.protocol;

import java.util.Map;

/**
 * The agent's answer to {@link CsrRequest}: a request for its key, for a CA to sign.
 * @param csr the PKCS#10 request, "BEGIN CERTIFICATE REQUEST" PEM
 */
public record CsrResponse(String csr) {

    /** {@return the response body, as {@link Json#write} writes it} */
    public Map<String, Object> toJson() {
        return Map.of("csr", csr);
    }

    /**
     * Reads a response body.
     * @throws ProtocolException with {@link ErrorCode#INVALID_REQUEST} when {@code csr} is missing or not a string
     */
    public static CsrResponse fromJson(JsonObject json) throws ProtocolException {
        return new CsrResponse(json.string("csr"));
    }
}
