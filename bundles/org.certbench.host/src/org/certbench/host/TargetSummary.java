package org.certbench.host;

import java.util.List;

/**
 * A target as the drop-down, the preferences page and {@code host:list} show it; no handshake is needed for it.
 *
 * @param configured whether every required setting is set
 * @param settings   every setting the target understands
 */
public record TargetSummary(String id, String displayName, boolean configured, List<TargetSetting> settings) {

    /** Copies the settings, so the summary stays unchanged; not {@code null}. */
    public TargetSummary {
        settings = List.copyOf(settings);
    }
}
