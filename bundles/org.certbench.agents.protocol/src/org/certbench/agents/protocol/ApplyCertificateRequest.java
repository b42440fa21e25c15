package org.certbench.agents.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CA-issued certificate for the agent, with the certificate of the CA that issued it (both PEM).
 *
 * @param whatIf check only: the agent verifies both certificates and changes nothing
 */
public record ApplyCertificateRequest(String caCertificate, String certificate, boolean whatIf) {

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("caCertificate", caCertificate);
        json.put("certificate", certificate);
        json.put("whatIf", whatIf);
        return json;
    }

    public static ApplyCertificateRequest fromJson(JsonObject json) throws ProtocolException {
        return new ApplyCertificateRequest(json.string("caCertificate"), json.string("certificate"),
                json.optionalBoolean("whatIf"));
    }
}
