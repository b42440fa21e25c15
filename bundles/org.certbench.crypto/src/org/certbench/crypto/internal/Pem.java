package org.certbench.crypto.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Writes PEM with LF line ends and 64-column Base64, as OpenSSL does, whatever the platform. */
public final class Pem {

    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    public static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + ENCODER.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
