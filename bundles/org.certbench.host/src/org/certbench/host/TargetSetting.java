package org.certbench.host;

/**
 * One setting a {@link ServiceTarget} understands, as the preferences page and {@code host:configure} list it.
 *
 * @param key          the key in {@code <home>/host/<id>.properties}, e.g. {@code certificate.file}
 * @param description  what it means, in words for an administrator
 * @param defaultValue the value used when it is not set, or {@code null} when there is none
 * @param required     whether the target cannot work without it (a required setting has no default)
 */
public record TargetSetting(String key, String description, String defaultValue, boolean required) {

    /**
     * {@return a setting without which the service cannot be managed; {@code description} is shown to administrators}
     */
    public static TargetSetting required(String key, String description) {
        return new TargetSetting(key, description, null, true);
    }

    /** {@return a setting that falls back to {@code defaultValue} when not set} */
    public static TargetSetting optional(String key, String description, String defaultValue) {
        return new TargetSetting(key, description, defaultValue, false);
    }
}
