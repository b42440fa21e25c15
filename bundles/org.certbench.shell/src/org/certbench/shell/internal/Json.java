package org.certbench.shell.internal;

import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

import org.certbench.core.JsonWriter;

/**
 * What a command returned, as JSON in the shell's published form: core's {@link JsonWriter} in its
 * {@link JsonWriter.Spelling#LENIENT lenient} spelling, with the shell's own readings of values first — records as
 * objects (component names as keys), optionals unwrapped, arrays as arrays, bytes in Base64, enums by their name in
 * lower case, map keys and anything else by its {@code toString()}.
 */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        return JsonWriter.write(value, JsonWriter.Spelling.LENIENT, Json::jsonValue);
    }

    private static Object jsonValue(Object raw) {
        Object value = Values.unwrap(raw);
        // maps as they are: the lenient spelling writes each entry, also where keys read alike (1 and "1")
        if (value == null || value instanceof Boolean || value instanceof Number || value instanceof String
                || value instanceof Collection<?> || value instanceof Map<?, ?>) {
            return value;
        } else if (value instanceof Record record) {
            return Values.components(record);
        } else if (value instanceof Object[] array) {
            return Arrays.asList(array);
        } else if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        } else if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT);
        }
        return value.toString();
    }
}
