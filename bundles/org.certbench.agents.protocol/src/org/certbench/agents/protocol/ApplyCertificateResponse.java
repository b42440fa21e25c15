package org.certbench.agents.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's answer to {@link ApplyCertificateRequest}.
 * @param applied     false after a what-if check, which passed but changed nothing
 * @param certificate the certificate that was checked (and applied, unless what-if)
 */
public record ApplyCertificateResponse(boolean applied, CertificateInfo certificate) {

    /** {@return the response body, as {@link Json#write} writes it} */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("applied", applied);
        json.put("certificate", certificate.toJson());
        return json;
    }

    /**
     * Reads a response body.
     * @throws ProtocolException with {@link ErrorCode#INVALID_REQUEST} when a field is missing or ill-typed
     */
    public static ApplyCertificateResponse fromJson(JsonObject json) throws ProtocolException {
        return new ApplyCertificateResponse(json.optionalBoolean("applied"),
                CertificateInfo.fromJson(json.object("certificate")));
    }
}
