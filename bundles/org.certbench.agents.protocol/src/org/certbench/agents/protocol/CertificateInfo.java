package org.certbench.agents.protocol;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The certificate an agent serves, as PEM plus the fields a console shows without parsing it again.
 * Instants are ISO-8601 UTC strings in JSON.
 *
 * @param pem               the certificate, "BEGIN CERTIFICATE" PEM
 * @param serialNumber      upper-case hex
 * @param sha256Fingerprint upper-case hex pairs separated by colons
 */
public record CertificateInfo(String pem, String subject, String issuer, String serialNumber, Instant notBefore,
        Instant notAfter, String sha256Fingerprint, boolean selfSigned) {

    /** {@return this certificate as a JSON object, as {@link Json#write} writes it} */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pem", pem);
        json.put("subject", subject);
        json.put("issuer", issuer);
        json.put("serialNumber", serialNumber);
        json.put("notBefore", notBefore.toString());
        json.put("notAfter", notAfter.toString());
        json.put("sha256Fingerprint", sha256Fingerprint);
        json.put("selfSigned", selfSigned);
        return json;
    }

    /**
     * Reads a certificate object.
     * @throws ProtocolException with {@link ErrorCode#INVALID_REQUEST} when a field is missing or ill-typed
     */
    public static CertificateInfo fromJson(JsonObject json) throws ProtocolException {
        return new CertificateInfo(json.string("pem"), json.string("subject"), json.string("issuer"),
                json.string("serialNumber"), instant(json, "notBefore"), instant(json, "notAfter"),
                json.string("sha256Fingerprint"), json.optionalBoolean("selfSigned"));
    }

    private static Instant instant(JsonObject json, String name) throws ProtocolException {
        String text = json.string(name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ProtocolException.of(ErrorCode.INVALID_REQUEST, "FIELD_NOT_AN_INSTANT", name, text);
        }
    }
}
