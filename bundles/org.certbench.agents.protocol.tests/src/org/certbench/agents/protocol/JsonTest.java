package org.certbench.agents.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict reader and the writer: RFC 8259 values in, the same values out, everything else refused. */
class JsonTest {

    @Test
    void readsEveryKindOfValue() throws Exception {
        Object value = Json.parse(" {\"s\":\"a\\\"b\\\\c\\/\\n\\u00e9\",\"t\":true,\"f\":false,\"n\":null,"
                + "\"i\":-42,\"d\":1.5e3,\"big\":123456789012345678901234567890,\"a\":[1,[],{}]} ");

        Map<?, ?> object = (Map<?, ?>) value;
        assertEquals("a\"b\\c/\né", object.get("s"));
        assertEquals(Boolean.TRUE, object.get("t"));
        assertEquals(Boolean.FALSE, object.get("f"));
        assertTrue(object.containsKey("n"));
        assertNull(object.get("n"));
        assertEquals(-42L, object.get("i"));
        assertEquals(new BigDecimal("1.5e3"), object.get("d"));
        assertEquals(new BigDecimal("123456789012345678901234567890"), object.get("big"));
        assertEquals(List.of(1L, List.of(), Map.of()), object.get("a"));
        assertEquals(List.of("s", "t", "f", "n", "i", "d", "big", "a"), List.copyOf(object.keySet()));
    }

    @Test
    void readsEscapedSurrogatePairsAndLiteralSupplementaryCharacters() throws Exception {
        assertEquals("\uD83D\uDE00", Json.parse("\"\\ud83d\\ude00\""));
        assertEquals("x\uD83D\uDE00y", Json.parse("\"x\uD83D\uDE00y\""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\":1 \"b\":2}", "{a:1}", "{'a':1}",
            "01", "-", "1.", ".5", "1e", "+1", "0x10", "NaN", "Infinity", "tru", "nul", "\"unterminated",
            "\"tab\there\"", "\"bad \\x escape\"", "\"\\u12\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83d\\u0041\"",
            "{\"a\":1}{}", "[1] 2", "{\"a\":1,\"a\":2}", "/* comment */ 1", "[1,2" })
    void refusesWhatRfc8259DoesNotAllow(String text) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> Json.parse(text));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertTrue(e.getMessage().startsWith("The text is not valid JSON: "), e.getMessage());
        assertTrue(e.details().containsKey("position"));
    }

    @Test
    void refusesLoneSurrogateCharacters() {
        assertThrows(ProtocolException.class, () -> Json.parse("\"\uD83D\""));
        assertThrows(ProtocolException.class, () -> Json.parse("\"\uDE00x\""));
    }

    /** Found by fuzzing: BigDecimal threw NumberFormatException past the reader for an exponent beyond an int. */
    @Test
    void refusesNumbersBeyondWhatCertBenchReadsInWords() {
        for (String text : new String[] { "[2222222222E2211111111111]", "{\"a\":1e99999999999}",
                "[" + "9".repeat(65) + "]" }) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> Json.parse(text));
            assertTrue(e.getMessage().contains("A JSON number is longer or larger than any CertBench reads"),
                    e.getMessage());
        }
    }

    @Test
    void theMessageSaysWhatAndWhere() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
        assertEquals("The text is not valid JSON: A JSON member name appears twice in the same object at character 7.",
                e.getMessage());
    }

    @Test
    void refusesNestingDeeperThanTheLimitButReadsNestingUpToIt() throws Exception {
        String deep = "[".repeat(64) + "]".repeat(64);
        Json.parse(deep);
        char[] tooDeep = new char[10_000];
        Arrays.fill(tooDeep, '[');
        assertThrows(ProtocolException.class, () -> Json.parse(new String(tooDeep)));
    }

    @Test
    void writesEscapesSoThatTheReaderGetsTheSameValueBack() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "quote \" backslash \\ newline \n tab \t control \u0001 line-separator \u2028 é \uD83D\uDE00");
        value.put("list", List.of(1, 2L, true, "x"));
        value.put("nothing", null);
        value.put("nested", Map.of("code", ErrorCode.NOT_FOUND));

        String written = Json.write(value);

        assertTrue(written.contains("\\u0001"), written);
        assertTrue(written.contains("\\u2028"), written);
        Map<?, ?> read = (Map<?, ?>) Json.parse(written);
        assertEquals(value.get("text"), read.get("text"));
        assertEquals(List.of(1L, 2L, true, "x"), read.get("list"));
        assertEquals(Map.of("code", "NOT_FOUND"), read.get("nested"));
    }

    @Test
    void theProtocolsSpellingIsPinnedByteForByte() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "\"\\/\b\f\n\r\t\u0000\u001f\u007f é \uD83D\uDE00 \u2028\u2029");
        value.put("numbers", List.of(0.1, 100.0, 1e10, 1e-7, 0.1f, -3, Long.MAX_VALUE,
                java.math.BigInteger.TWO.pow(70), new java.math.BigDecimal("1.50")));
        value.put("code", ErrorCode.NOT_FOUND);

        assertEquals("{\"text\":\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\u007f é \uD83D\uDE00 \\u2028\\u2029\","
                + "\"numbers\":[0.1,100.0,1.0E+10,1.0E-7,0.10000000149011612,-3,9223372036854775807,"
                + "1180591620717411303424,1.50],\"code\":\"NOT_FOUND\"}", Json.write(value));
    }

    @Test
    void refusesValuesThatAreNotJson() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, "non-string name")));
    }
}
