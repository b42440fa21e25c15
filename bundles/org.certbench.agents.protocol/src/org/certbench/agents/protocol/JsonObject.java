package org.certbench.agents.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certbench.agents.protocol.internal.Messages;

/**
 * A JSON object with typed access to its members, for reading protocol messages. A member of the wrong
 * type is refused with a message naming it; members this version does not know are ignored, so that a
 * newer peer may add fields.
 */
public final class JsonObject {

    private final Map<String, Object> members;

    private JsonObject(Map<String, Object> members) {
        this.members = members;
    }

    /** Parses {@code text}, which must be one JSON object. */
    public static JsonObject parse(String text) throws ProtocolException {
        return of(Json.parse(text), "");
    }

    /** @param name how the value is known in messages (a member name), or empty for the whole message */
    @SuppressWarnings("unchecked")
    static JsonObject of(Object value, String name) throws ProtocolException {
        if (!(value instanceof Map<?, ?> map)) {
            throw name.isEmpty() ? ProtocolException.of(ErrorCode.INVALID_REQUEST, "NOT_AN_OBJECT")
                    : wrongType(name, "TYPE_OBJECT");
        }
        return new JsonObject((Map<String, Object>) map);
    }

    /** {@return whether the member is present and not JSON {@code null}} */
    public boolean has(String name) {
        return members.get(name) != null;
    }

    /** A string member that must be present and not null. */
    public String string(String name) throws ProtocolException {
        Object value = members.get(name);
        if (value == null) {
            throw ProtocolException.of(ErrorCode.INVALID_REQUEST, "FIELD_MISSING", name);
        }
        if (!(value instanceof String text)) {
            throw wrongType(name, "TYPE_STRING");
        }
        return text;
    }

    /** A string member, or "" when it is absent or null. */
    public String optionalString(String name) throws ProtocolException {
        return has(name) ? string(name) : "";
    }

    /** A boolean member, or {@code false} when it is absent or null. */
    public boolean optionalBoolean(String name) throws ProtocolException {
        Object value = members.get(name);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean bool)) {
            throw wrongType(name, "TYPE_BOOLEAN");
        }
        return bool;
    }

    /** An array of strings, or an empty list when the member is absent or null. */
    public List<String> optionalStringList(String name) throws ProtocolException {
        Object value = members.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType(name, "TYPE_STRING_ARRAY");
        }
        List<String> strings = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof String text)) {
                throw wrongType(name, "TYPE_STRING_ARRAY");
            }
            strings.add(text);
        }
        return List.copyOf(strings);
    }

    /** An object member that must be present. */
    public JsonObject object(String name) throws ProtocolException {
        Object value = members.get(name);
        if (value == null) {
            throw ProtocolException.of(ErrorCode.INVALID_REQUEST, "FIELD_MISSING", name);
        }
        return of(value, name);
    }

    /** An object member as a plain map of JSON values, or an empty map when it is absent or null. */
    public Map<String, Object> optionalMap(String name) throws ProtocolException {
        Object value = members.get(name);
        if (value == null) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(of(value, name).members));
    }

    private static ProtocolException wrongType(String name, String typeKey) {
        return ProtocolException.of(ErrorCode.INVALID_REQUEST, "FIELD_WRONG_TYPE", name,
                Messages.format(typeKey));
    }
}
