package org.certbench.crypto.internal;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/** How dates, serial numbers and digests are written for an administrator, in one place. */
public final class DisplayFormats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private DisplayFormats() {
    }

    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /** Upper-case hex pairs separated by colons, the form browsers and {@code openssl -fingerprint} show. */
    public static String colonHex(byte[] bytes) {
        return COLON_HEX.formatHex(bytes);
    }

    /** Serial numbers are shown in hex as OpenSSL and browsers do; negative serials (seen in the wild) keep the sign. */
    public static String serial(BigInteger serial) {
        return serial.toString(16).toUpperCase(Locale.ROOT);
    }
}
