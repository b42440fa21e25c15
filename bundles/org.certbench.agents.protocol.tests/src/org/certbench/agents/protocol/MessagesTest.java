package org.certbench.agents.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every request and response survives JSON both ways; wrong types are refused naming the field. */
class MessagesTest {

    private static final CertificateInfo INFO = new CertificateInfo("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
            "CN=agent01", "CN=ca", "0A1B", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
            "AB:CD", false);

    private static JsonObject roundTrip(Map<String, Object> json) throws ProtocolException {
        return JsonObject.parse(Json.write(json));
    }

    @Test
    void everyMessageRoundTrips() throws Exception {
        assertEquals(INFO, CertificateInfo.fromJson(roundTrip(INFO.toJson())));
        CsrRequest csr = new CsrRequest("cn", "o", "ou", "CZ", "st", "l", List.of("a", "10.0.0.1"));
        assertEquals(csr, CsrRequest.fromJson(roundTrip(csr.toJson())));
        assertEquals(new CsrResponse("PEM"), CsrResponse.fromJson(roundTrip(new CsrResponse("PEM").toJson())));
        ApplyCertificateRequest apply = new ApplyCertificateRequest("CA", "CERT", true);
        assertEquals(apply, ApplyCertificateRequest.fromJson(roundTrip(apply.toJson())));
        ApplyCertificateResponse applied = new ApplyCertificateResponse(true, INFO);
        assertEquals(applied, ApplyCertificateResponse.fromJson(roundTrip(applied.toJson())));
        assertEquals(new ApplySelfSignedRequest(true),
                ApplySelfSignedRequest.fromJson(roundTrip(new ApplySelfSignedRequest(true).toJson())));
        ApplySelfSignedResponse selfSigned = new ApplySelfSignedResponse(SelfSignedOutcome.RESTORED, INFO);
        assertEquals(selfSigned, ApplySelfSignedResponse.fromJson(roundTrip(selfSigned.toJson())));
    }

    @Test
    void optionalFieldsDefaultAndUnknownFieldsAreIgnored() throws Exception {
        assertEquals(CsrRequest.defaults(), CsrRequest.fromJson(JsonObject.parse("{\"future\":{\"x\":1}}")));
        assertEquals(new ApplySelfSignedRequest(false), ApplySelfSignedRequest.fromJson(JsonObject.parse("{}")));
        assertEquals(new ApplyCertificateRequest("a", "b", false),
                ApplyCertificateRequest.fromJson(JsonObject.parse("{\"caCertificate\":\"a\",\"certificate\":\"b\"}")));
    }

    @Test
    void theErrorShapeIsErrorWithCodeMessageAndDetails() throws Exception {
        ErrorResponse error = new ErrorResponse(ErrorCode.CERTIFICATE_REJECTED, "AGENT01.crt was refused: expired",
                Map.of("cryptoCode", "CERTIFICATE_REJECTED"));

        assertEquals("{\"error\":{\"code\":\"CERTIFICATE_REJECTED\",\"message\":\"AGENT01.crt was refused: expired\","
                + "\"details\":{\"cryptoCode\":\"CERTIFICATE_REJECTED\"}}}", error.toJsonText());
        assertEquals(error, ErrorResponse.fromJson(JsonObject.parse(error.toJsonText())));
        assertEquals(422, error.code().httpStatus());
    }

    @Test
    void anErrorCodeFromANewerPeerIsReadAsUnknown() throws Exception {
        ErrorResponse error = ErrorResponse.fromJson(
                JsonObject.parse("{\"error\":{\"code\":\"QUOTA_EXCEEDED\",\"message\":\"m\"}}"));

        assertEquals(ErrorCode.UNKNOWN_ERROR, error.code());
        assertEquals(Map.of(), error.details());
    }

    @Test
    void wrongTypesAndMissingFieldsAreRefusedNamingTheField() {
        ProtocolException wrongType = assertThrows(ProtocolException.class,
                () -> ApplySelfSignedRequest.fromJson(JsonObject.parse("{\"rekey\":\"yes\"}")));
        assertEquals("The field \"rekey\" must be true or false.", wrongType.getMessage());

        ProtocolException missing = assertThrows(ProtocolException.class,
                () -> ApplyCertificateRequest.fromJson(JsonObject.parse("{\"certificate\":\"x\"}")));
        assertEquals("The field \"caCertificate\" is missing.", missing.getMessage());

        ProtocolException list = assertThrows(ProtocolException.class,
                () -> CsrRequest.fromJson(JsonObject.parse("{\"alternativeNames\":[1]}")));
        assertTrue(list.getMessage().contains("an array of strings"), list.getMessage());

        ProtocolException instant = assertThrows(ProtocolException.class, () -> CertificateInfo.fromJson(
                JsonObject.parse(Json.write(INFO.toJson()).replace("2026-01-01T00:00:00Z", "yesterday"))));
        assertTrue(instant.getMessage().contains("notBefore"), instant.getMessage());

        ProtocolException notAnObject = assertThrows(ProtocolException.class, () -> JsonObject.parse("[]"));
        assertEquals(ErrorCode.INVALID_REQUEST, notAnObject.code());
    }

    @Test
    void protocol12sRequestsRoundTripAndARekeyWithoutAKeyTypeIsForP256() throws Exception {
        RekeyCsrRequest rekey = new RekeyCsrRequest(new CsrRequest("a.example.test", "", "", "", "", "",
                List.of("a.example.test")), "RSA 3072");
        assertEquals(rekey, RekeyCsrRequest.fromJson(JsonObject.parse(Json.write(rekey.toJson()))));
        assertEquals("P-256", RekeyCsrRequest.fromJson(JsonObject.parse("{}")).keyType());
        KeySwitchRequest confirm = new KeySwitchRequest("AB:CD");
        assertEquals(confirm, KeySwitchRequest.fromJson(JsonObject.parse(Json.write(confirm.toJson()))));
        ProtocolException missing = assertThrows(ProtocolException.class,
                () -> KeySwitchRequest.fromJson(JsonObject.parse("{}")));
        assertEquals(ErrorCode.INVALID_REQUEST, missing.code());
        assertTrue(missing.getMessage().contains("certificate"), missing.getMessage());
    }

    @Test
    void everyEndpointIsVersionedAndFoundByItsPath() {
        for (Endpoint endpoint : Endpoint.values()) {
            assertTrue(endpoint.path().startsWith(Endpoint.PREFIX), endpoint.path());
            assertEquals(endpoint, Endpoint.atPath(endpoint.path()).orElseThrow());
        }
        assertTrue(Endpoint.atPath("/api/v1/unknown").isEmpty());
    }

    @Test
    void everyMessageKeyHasAText() {
        for (String key : List.of("NOT_AN_OBJECT", "FIELD_MISSING", "FIELD_WRONG_TYPE", "FIELD_NOT_AN_INSTANT",
                "FIELD_UNKNOWN_VALUE")) {
            assertTrue(!org.certbench.agents.protocol.internal.Messages.format(key).startsWith("!"), key);
        }
        for (String problem : List.of("UNEXPECTED_END", "TOO_DEEP")) {
            String text = new org.certbench.core.JsonSyntaxException(problem, 3).getMessage();
            assertTrue(!text.contains("!"), text);
        }
    }
}
