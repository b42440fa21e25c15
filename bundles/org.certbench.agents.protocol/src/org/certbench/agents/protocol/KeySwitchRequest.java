package org.certbench.agents.protocol;

import java.util.Map;

/**
 * The console's word on a key switch ({@link Endpoint#CONFIRM_KEY_SWITCH} or {@link Endpoint#ROLL_BACK_KEY_SWITCH},
 * since protocol 1.2): the certificate of a new key it applied, by fingerprint. The agent acts only while that
 * certificate is in use, so a word that arrives late (after another change) changes nothing.
 *
 * @param certificate the SHA-256 fingerprint of the certificate the new key was applied with, as
 *                    {@link CertificateInfo#sha256Fingerprint()} writes it
 * @since 1.2
 */
public record KeySwitchRequest(String certificate) {

    /** {@return the request body, as {@link Json#write} writes it} */
    public Map<String, Object> toJson() {
        return Map.of("certificate", certificate);
    }

    /**
     * Reads a request body.
     * @throws ProtocolException with {@link ErrorCode#INVALID_REQUEST} when {@code certificate} is missing or not
     *                           a string
     */
    public static KeySwitchRequest fromJson(JsonObject json) throws ProtocolException {
        return new KeySwitchRequest(json.string("certificate"));
    }
}
