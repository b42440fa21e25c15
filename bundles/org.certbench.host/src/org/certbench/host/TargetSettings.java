package org.certbench.host;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The settings of one target as stored in {@code <home>/host/<id>.properties}: only what an administrator set,
 * defaults are the target's business. Immutable; a target parses it into its own options once per operation.
 *
 * @param targetId the target's id
 * @param file     where the settings are stored (named in messages about a bad value)
 * @param values   key to value, sorted by key
 */
public record TargetSettings(String targetId, Path file, Map<String, String> values) {

    /** Copies the values, sorted by key, so the settings stay unchanged; not {@code null}. */
    public TargetSettings {
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** {@return the value set for the key, stripped; empty when unset or blank} */
    public Optional<String> value(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** {@return the value set for the key, stripped, or {@code defaultValue} when unset or blank} */
    public String value(String key, String defaultValue) {
        return value(key).orElse(defaultValue);
    }
}
