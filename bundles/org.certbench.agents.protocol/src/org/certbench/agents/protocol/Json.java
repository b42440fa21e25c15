package org.certbench.agents.protocol;

import java.util.Map;

import org.certbench.agents.protocol.internal.JsonReader;
import org.certbench.agents.protocol.internal.JsonSyntaxException;
import org.certbench.agents.protocol.internal.JsonWriter;

/**
 * The protocol's JSON: a small strict reader and a compact writer, written here because the target
 * platform carries no JSON library. Values are {@code Map<String, Object>} (member order kept),
 * {@code List<Object>}, {@code String}, {@code Long} or {@code BigDecimal}, {@code Boolean} and
 * {@code null}.
 */
public final class Json {

    private Json() {
    }

    /**
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
