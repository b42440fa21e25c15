package org.certbench.agents.protocol;

import java.util.Map;

/**
 * Switch the agent to a self-signed certificate.
 *
 * @param rekey make a new private key and a new self-signed certificate; otherwise restore the
 *              self-signed certificate used before a CA-issued one, or make one with the existing key
 */
public record ApplySelfSignedRequest(boolean rekey) {

    /** {@return the request body, as {@link Json#write} writes it} */
    public Map<String, Object> toJson() {
        return Map.of("rekey", rekey);
    }

    /**
     * Reads a request body; a missing {@code rekey} means false.
     * @throws ProtocolException with {@link ErrorCode#INVALID_REQUEST} when a field is ill-typed
     */
    public static ApplySelfSignedRequest fromJson(JsonObject json) throws ProtocolException {
        return new ApplySelfSignedRequest(json.optionalBoolean("rekey"));
    }
}
