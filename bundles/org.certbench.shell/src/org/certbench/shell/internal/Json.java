package org.certbench.shell.internal;

import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/** Writes what a command returned as JSON: records as objects (component names as keys), collections as arrays. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder json = new StringBuilder();
        append(json, Values.unwrap(value));
        return json.toString();
    }

    private static void append(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte) {
            json.append(value);
        } else if (value instanceof Number number) {
            double d = number.doubleValue();
            json.append(Double.isFinite(d) ? number.toString() : "null");
        } else if (value instanceof Record record) {
            appendObject(json, Values.components(record));
        } else if (value instanceof Map<?, ?> map) {
            appendObject(json, map);
        } else if (value instanceof Collection<?> collection) {
            appendArray(json, collection);
        } else if (value instanceof Object[] array) {
            appendArray(json, java.util.Arrays.asList(array));
        } else if (value instanceof byte[] bytes) {
            appendString(json, Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof Enum<?> constant) {
            appendString(json, constant.name().toLowerCase(java.util.Locale.ROOT));
        } else {
            appendString(json, value.toString());
        }
    }

    private static void appendObject(StringBuilder json, Map<?, ?> members) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> member : members.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            appendString(json, String.valueOf(member.getKey()));
            json.append(':');
            append(json, Values.unwrap(member.getValue()));
        }
        json.append('}');
    }

    private static void appendArray(StringBuilder json, Collection<?> items) {
        json.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                json.append(',');
            }
            first = false;
            append(json, Values.unwrap(item));
        }
        json.append(']');
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
            case '"' -> json.append("\\\"");
            case '\\' -> json.append("\\\\");
            case '\n' -> json.append("\\n");
            case '\r' -> json.append("\\r");
            case '\t' -> json.append("\\t");
            default -> {
                if (c < 0x20) {
                    json.append(String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            }
        }
        json.append('"');
    }
}
