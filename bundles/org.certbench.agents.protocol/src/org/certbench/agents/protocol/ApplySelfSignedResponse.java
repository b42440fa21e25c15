package org.certbench.agents.protocol;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** @param certificate the self-signed certificate now in use */
public record ApplySelfSignedResponse(SelfSignedOutcome outcome, CertificateInfo certificate) {

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", outcome.name());
        json.put("certificate", certificate.toJson());
        return json;
    }

    public static ApplySelfSignedResponse fromJson(JsonObject json) throws ProtocolException {
        String outcome = json.string("outcome");
        try {
            return new ApplySelfSignedResponse(SelfSignedOutcome.valueOf(outcome.toUpperCase(Locale.ROOT)),
                    CertificateInfo.fromJson(json.object("certificate")));
        } catch (IllegalArgumentException e) {
            throw ProtocolException.of(ErrorCode.INVALID_REQUEST, "FIELD_UNKNOWN_VALUE", "outcome", outcome);
        }
    }
}
