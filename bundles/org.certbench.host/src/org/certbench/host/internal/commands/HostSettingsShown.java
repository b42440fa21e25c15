package org.certbench.host.internal.commands;

import java.util.List;

/** {@code host:configure}: the settings as stored now. */
public record HostSettingsShown(String id, String settingsFile, List<String> settings) {
}
