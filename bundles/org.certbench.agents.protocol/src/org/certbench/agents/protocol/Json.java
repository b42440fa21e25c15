package org.certbench.agents.protocol;

import java.util.Map;

import org.certbench.core.JsonReader;
import org.certbench.core.JsonSyntaxException;
import org.certbench.core.JsonWriter;

/**
 * The protocol's JSON: core's strict reader and compact writer (the one JSON home, in core so that the audit
 * log can use it too; the target platform carries no JSON library), refusals as the protocol's errors. Values are {@code Map<String, Object>} (member order kept),
 * {@code List<Object>}, {@code String}, {@code Long} or {@code BigDecimal}, {@code Boolean} and
 * {@code null}.
 */
public final class Json {

    private Json() {
    }

    /**
     * Parses JSON text into the Java values named above; thread-safe.
     *
     * @return the value of the text; JSON {@code null} is {@code null}
     * @throws ProtocolException with {@link ErrorCode#INVALID_REQUEST} for anything RFC 8259 does not allow
     *                           (also trailing commas, duplicate member names and lone surrogates)
     */
    public static Object parse(String text) throws ProtocolException {
        try {
            return JsonReader.parse(text);
        } catch (JsonSyntaxException e) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, e.getMessage(),
                    Map.of("position", (long) e.position()), e);
        }
    }

    /** Compact JSON for maps, collections, strings, numbers, booleans, enums (by name) and null. */
    public static String write(Object value) {
        return JsonWriter.write(value);
    }
}
