package org.certbench.plugins;

/**
 * An installed plug-in.
 *
 * @param name    its bundle symbolic name (what {@code plugin:remove} takes)
 * @param version its bundle version
 * @param file    the jar in {@code <home>/plugins/}
 * @param state   "active", "installed" or "from the next start"
 */
public record PluginInfo(String name, String version, String file, String state) {
}
