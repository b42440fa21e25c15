package org.certbench.agents.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CA-issued certificate for the agent, with the certificate of the CA that issued it (both PEM).
 *
 * @param whatIf check only: the agent verifies both certificates and changes nothing
 */
public record ApplyCertificateRequest(String caCertificate, String certificate, boolean whatIf) {

    /** {@return the request body, as {@link Json#write} writes it} */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("caCertificate", caCertificate);
        json.put("certificate", certificate);
        json.put("whatIf", whatIf);
        return json;
    }

    /**
     * Reads a request body.
     * @throws ProtocolException with {@link ErrorCode#INVALID_REQUEST} when a field is missing or ill-typed
     */
    public static ApplyCertificateRequest fromJson(JsonObject json) throws ProtocolException {
        return new ApplyCertificateRequest(json.string("caCertificate"), json.string("certificate"),
                json.optionalBoolean("whatIf"));
    }
}
