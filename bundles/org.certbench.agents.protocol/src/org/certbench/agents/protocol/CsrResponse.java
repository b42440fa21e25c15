package org.certbench.agents.protocol;

import java.util.Map;

/** @param csr the PKCS#10 request, "BEGIN CERTIFICATE REQUEST" PEM */
public record CsrResponse(String csr) {

    public Map<String, Object> toJson() {
        return Map.of("csr", csr);
    }

    public static CsrResponse fromJson(JsonObject json) throws ProtocolException {
        return new CsrResponse(json.string("csr"));
    }
}
