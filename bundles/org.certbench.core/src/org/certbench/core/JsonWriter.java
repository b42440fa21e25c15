package org.certbench.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Writes maps, collections, strings, numbers, booleans and null as compact JSON: CertBench's one JSON writer. Two
 * spellings are published and must stay as they are ({@link Spelling}). Anything else is a programming error and
 * refused, so that no {@code toString()} ever leaks into a message by accident; a caller with values of its own
 * (records, say) turns them into JSON values with an adapter.
 * <p>
 * Stateless from the caller's view; may be called from any thread.
 */
public final class JsonWriter {

    /** How strings and numbers are spelled. Each is published; a change breaks the programs that read it. */
    public enum Spelling {
        /**
         * The agent protocol's and the audit log's: non-finite numbers and values of other types are refused,
         * floating-point numbers are written as {@link BigDecimal#valueOf(double)} spells them, enums by name,
         * {@code \b} and {@code \f} escaped so, and U+2028/U+2029 escaped so that the text stays valid JavaScript.
         */
        STRICT,
        /**
         * Exists only for the shell's published {@code --json} output, which it keeps as it was; nothing else
         * should take it up. A number as its {@code toString()}, {@code null} when it is not finite; a map key of
         * any type as its {@link String#valueOf(Object)}, each entry written in order (keys that read alike, as
         * {@code 1} and {@code "1"}, give members of the same name); only the characters JSON requires are
         * escaped (quote, backslash, control characters; {@code \b} and {@code \f} as {@code \u0008} and
         * {@code \u000c}).
         */
        LENIENT
    }

    private final StringBuilder out = new StringBuilder();
    private final Spelling spelling;
    private final UnaryOperator<Object> adapter;

    private JsonWriter(Spelling spelling, UnaryOperator<Object> adapter) {
        this.spelling = spelling;
        this.adapter = adapter;
    }

    /** {@code value} in the {@link Spelling#STRICT strict} spelling. */
    public static String write(Object value) {
        return write(value, Spelling.STRICT, UnaryOperator.identity());
    }

    /**
     * {@code value} in the given spelling, each value (the top one, members, elements) first passed through
     * {@code adapter}, which returns it as a JSON value (map with string keys - any keys in the lenient spelling -,
     * collection, string, number, boolean, enum or null).
     *
     * @throws IllegalArgumentException for a value the adapter leaves that is no JSON value (and in the strict
     *                                  spelling, for a number that is not finite)
     */
    public static String write(Object value, Spelling spelling, UnaryOperator<Object> adapter) {
        JsonWriter writer = new JsonWriter(spelling, adapter);
        writer.value(value);
        return writer.out.toString();
    }

    private void value(Object raw) {
        Object value = adapter.apply(raw);
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text);
        } else if (value instanceof Boolean bool) {
            out.append(bool.booleanValue());
        } else if (value instanceof Map<?, ?> map) {
            object(map);
        } else if (value instanceof Collection<?> collection) {
            array(collection);
        } else if (value instanceof Enum<?> constant) {
            string(constant.name());
        } else if (spelling == Spelling.LENIENT && value instanceof Number number) {
            out.append(Double.isFinite(number.doubleValue()) ? number.toString() : "null");
        } else {
            number(value);
        }
    }

    private void number(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toString());
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw new IllegalArgumentException("JSON has no representation for " + number);
            }
            out.append(BigDecimal.valueOf(number).toString());
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private void object(Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> member : map.entrySet()) {
            String name;
            if (member.getKey() instanceof String key) {
                name = key;
            } else if (spelling == Spelling.LENIENT) {
                name = String.valueOf(member.getKey());
            } else {
                throw new IllegalArgumentException("JSON member names are strings, not " + member.getKey());
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            string(name);
            out.append(':');
            value(member.getValue());
        }
        out.append('}');
    }

    private void array(Collection<?> collection) {
        out.append('[');
        boolean first = true;
        for (Object element : collection) {
            if (!first) {
                out.append(',');
            }
            first = false;
            value(element);
        }
        out.append(']');
    }

    private void string(String text) {
        boolean strict = spelling == Spelling.STRICT;
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append(strict ? "\\b" : "\\u0008");
                case '\f' -> out.append(strict ? "\\f" : "\\u000c");
                default -> {
                    // Control characters must be escaped; U+2028/9 too in the strict form, so it stays valid JavaScript.
                    if (c < 0x20 || strict && (c == '\u2028' || c == '\u2029')) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
