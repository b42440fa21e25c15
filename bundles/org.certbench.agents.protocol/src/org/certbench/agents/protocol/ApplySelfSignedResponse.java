package org.certbench.agents.protocol;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's answer to {@link ApplySelfSignedRequest}: whether it kept, renewed or created the certificate.
 * @param certificate the self-signed certificate now in use
 */
public record ApplySelfSignedResponse(SelfSignedOutcome outcome, CertificateInfo certificate) {

    /** {@return the response body, as {@link Json#write} writes it} */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", outcome.name());
        json.put("certificate", certificate.toJson());
        return json;
    }

    /**
     * Reads a response body.
     * @throws ProtocolException with {@link ErrorCode#INVALID_REQUEST} when a field is missing, ill-typed or names an
     * unknown outcome
     */
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
