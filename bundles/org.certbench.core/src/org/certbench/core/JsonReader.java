package org.certbench.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser: exactly one value, no comments, no trailing commas, no duplicate member
 * names, no lone surrogates, no unescaped control characters. Objects become {@link LinkedHashMap}s (member
 * order kept), arrays {@link ArrayList}s, numbers {@link Long} when integral and in range, else
 * {@link BigDecimal}; JSON null becomes {@code null}. Nesting is bounded so that hostile input cannot
 * exhaust the stack.
 */
public final class JsonReader {

    /** Deep enough for any message of the protocol, shallow enough for any thread's stack. */
    public static final int MAX_DEPTH = 64;

    private final String text;
    private int position;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /** Parses {@code text}, which must hold exactly one JSON value (surrounded by optional whitespace). */
    public static Object parse(String text) throws JsonSyntaxException {
        JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.position < text.length()) {
            throw reader.error("TRAILING_CONTENT");
        }
        return value;
    }

    private Object value() throws JsonSyntaxException {
        if (position >= text.length()) {
            throw error("UNEXPECTED_END");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("UNEXPECTED_CHARACTER");
            }
        };
    }

    private Map<String, Object> object() throws JsonSyntaxException {
        enter();
        position++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            depth--;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("EXPECTED_NAME");
            }
            int nameStart = position;
            String name = string();
            if (members.containsKey(name)) {
                position = nameStart;
                throw error("DUPLICATE_NAME");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members.put(name, value());
            skipWhitespace();
            char next = peek();
            position++;
            if (next == '}') {
                depth--;
                return members;
            }
            if (next != ',') {
                position--;
                throw error("EXPECTED_COMMA_OR_END");
            }
        }
    }

    private List<Object> array() throws JsonSyntaxException {
        enter();
        position++;
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            depth--;
            return elements;
        }
        while (true) {
            skipWhitespace();
            elements.add(value());
            skipWhitespace();
            char next = peek();
            position++;
            if (next == ']') {
                depth--;
                return elements;
            }
            if (next != ',') {
                position--;
                throw error("EXPECTED_COMMA_OR_END");
            }
        }
    }

    private String string() throws JsonSyntaxException {
        position++;
        StringBuilder result = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("UNTERMINATED_STRING");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return result.toString();
            }
            if (c < 0x20) {
                position--;
                throw error("CONTROL_CHARACTER");
            }
            if (c == '\\') {
                escape(result);
            } else if (Character.isHighSurrogate(c)) {
                if (position >= text.length() || !Character.isLowSurrogate(text.charAt(position))) {
                    position--;
                    throw error("LONE_SURROGATE");
                }
                result.append(c).append(text.charAt(position++));
            } else if (Character.isLowSurrogate(c)) {
                position--;
                throw error("LONE_SURROGATE");
            } else {
                result.append(c);
            }
        }
    }

    private void escape(StringBuilder result) throws JsonSyntaxException {
        if (position >= text.length()) {
            throw error("UNTERMINATED_STRING");
        }
        char c = text.charAt(position++);
        switch (c) {
            case '"', '\\', '/' -> result.append(c);
            case 'b' -> result.append('\b');
            case 'f' -> result.append('\f');
            case 'n' -> result.append('\n');
            case 'r' -> result.append('\r');
            case 't' -> result.append('\t');
            case 'u' -> unicodeEscape(result);
            default -> {
                position -= 2;
                throw error("INVALID_ESCAPE");
            }
        }
    }

    /** A backslash-u escape of four hex digits; a surrogate must come as a complete escaped pair. */
    private void unicodeEscape(StringBuilder result) throws JsonSyntaxException {
        int escapeStart = position - 2;
        char first = hex4();
        if (Character.isHighSurrogate(first)) {
            if (!text.startsWith("\\u", position)) {
                position = escapeStart;
                throw error("LONE_SURROGATE");
            }
            position += 2;
            char second = hex4();
            if (!Character.isLowSurrogate(second)) {
                position = escapeStart;
                throw error("LONE_SURROGATE");
            }
            result.append(first).append(second);
        } else if (Character.isLowSurrogate(first)) {
            position = escapeStart;
            throw error("LONE_SURROGATE");
        } else {
            result.append(first);
        }
    }

    private char hex4() throws JsonSyntaxException {
        if (position + 4 > text.length()) {
            throw error("INVALID_ESCAPE");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position + i), 16);
            if (digit < 0) {
                throw error("INVALID_ESCAPE");
            }
            value = value * 16 + digit;
        }
        position += 4;
        return (char) value;
    }

    /**
     * No protocol or audit field needs more; a longer number (or a huge exponent) is no data CertBench wrote, and
     * computing with it could take as long as the sender likes.
     */
    static final int MAX_NUMBER_CHARS = 64;

    /** The RFC 8259 number grammar exactly: no leading zeros, no "+", no bare "." or exponent. */
    private Object number() throws JsonSyntaxException {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("INVALID_NUMBER");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            position++;
            requireDigit();
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            requireDigit();
            digits();
        }
        String literal = text.substring(start, position);
        if (integral && literal.length() <= 18) {
            return Long.parseLong(literal);
        }
        if (literal.length() > MAX_NUMBER_CHARS) {
            throw error("NUMBER_TOO_LONG");
        }
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(literal);
        } catch (NumberFormatException exponentOutOfRange) {
            // an exponent beyond what BigDecimal holds ("1E2211111111111"), found by fuzzing
            throw error("NUMBER_TOO_LONG");
        }
        if (integral) {
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return decimal;
            }
        }
        return decimal;
    }

    private void requireDigit() throws JsonSyntaxException {
        if (!isDigit(peek())) {
            throw error("INVALID_NUMBER");
        }
    }

    private void digits() {
        while (isDigit(peek())) {
            position++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) throws JsonSyntaxException {
        if (!text.startsWith(word, position)) {
            throw error("UNEXPECTED_CHARACTER");
        }
        position += word.length();
        return value;
    }

    private void enter() throws JsonSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw error("TOO_DEEP");
        }
    }

    private void expect(char c) throws JsonSyntaxException {
        if (peek() != c) {
            throw error("UNEXPECTED_CHARACTER");
        }
        position++;
    }

    /** The character at the current position, or NUL at the end (never valid where it is asked for). */
    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private JsonSyntaxException error(String problem) {
        boolean atEnd = position >= text.length() && !"UNTERMINATED_STRING".equals(problem);
        return new JsonSyntaxException(atEnd ? "UNEXPECTED_END" : problem, position);
    }
}
