package org.certbench.core;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One change in the audit log: when (UTC), who (the OS user, or for a call to an agent's API the SHA-256 fingerprint
 * of the calling console's certificate), what ({@code ca.import}, {@code agent.apply}, …), on which object, the
 * fingerprints before and after (or {@code null}), and whether it succeeded ({@code message} says why not).
 */
public record AuditEntry(Instant time, String who, String action, String object, String before, String after,
        boolean ok, String message) {

    static final String OK = "ok"; //$NON-NLS-1$
    static final String FAILED = "failed"; //$NON-NLS-1$

    /** One JSON object; member names are the log's format, documented in the README. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("time", time.toString()); //$NON-NLS-1$
        json.put("who", who); //$NON-NLS-1$
        json.put("action", action); //$NON-NLS-1$
        json.put("object", object); //$NON-NLS-1$
        json.put("before", before); //$NON-NLS-1$
        json.put("after", after); //$NON-NLS-1$
        json.put("result", ok ? OK : FAILED); //$NON-NLS-1$
        json.put("message", message); //$NON-NLS-1$
        return json;
    }

    /**
     * @throws IllegalArgumentException naming the member that is missing or wrong (the reader reports the line as
     *                                  damaged with it)
     */
    static AuditEntry fromJson(Object value) {
        if (!(value instanceof Map<?, ?> json)) {
            throw new IllegalArgumentException("not an object"); //$NON-NLS-1$
        }
        Instant time;
        try {
            time = Instant.parse(text(json, "time", false)); //$NON-NLS-1$
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time", e); //$NON-NLS-1$
        }
        String result = text(json, "result", false); //$NON-NLS-1$
        if (!OK.equals(result) && !FAILED.equals(result)) {
            throw new IllegalArgumentException("result"); //$NON-NLS-1$
        }
        return new AuditEntry(time, text(json, "who", false), text(json, "action", false), //$NON-NLS-1$ //$NON-NLS-2$
                text(json, "object", true), text(json, "before", true), text(json, "after", true), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                OK.equals(result), text(json, "message", true)); //$NON-NLS-1$
    }

    private static String text(Map<?, ?> json, String name, boolean optional) {
        Object value = json.get(name);
        if (value instanceof String text) {
            return text;
        }
        if (value == null && optional) {
            return null;
        }
        throw new IllegalArgumentException(name);
    }
}
