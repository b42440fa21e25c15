package org.certbench.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class JsonTest {

    record Certificate(String commonName, Instant notAfter, List<String> names, Optional<String> issuer,
            int days, boolean trusted) {
    }

    enum Status { EXPIRES_SOON }

    @Test
    void aRecordIsAnObjectWithItsComponentNamesInOrder() {
        Certificate certificate = new Certificate("Root CA", Instant.parse("2030-01-01T00:00:00Z"),
                List.of("a.example", "b.example"), Optional.empty(), 42, true);

        assertEquals("{\"commonName\":\"Root CA\",\"notAfter\":\"2030-01-01T00:00:00Z\","
                + "\"names\":[\"a.example\",\"b.example\"],\"issuer\":null,\"days\":42,\"trusted\":true}",
                Json.write(certificate));
    }

    @Test
    void stringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", Json.write("a\"b\\c\nd\u0001"));
    }

    @Test
    void collectionsMapsAndEnumsAreWrittenAsJsonTypes() {
        assertEquals("[1,2]", Json.write(List.of(1, 2)));
        assertEquals("{\"k\":\"v\"}", Json.write(Map.of("k", "v")));
        assertEquals("\"expires_soon\"", Json.write(Status.EXPIRES_SOON));
        assertEquals("null", Json.write(null));
        assertEquals("null", Json.write(Double.NaN));
    }
}
