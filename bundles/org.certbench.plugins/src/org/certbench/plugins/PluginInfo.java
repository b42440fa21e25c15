package org.certbench.plugins;

/**
 * An installed plug-in.
 *
 * @param name    its bundle symbolic name (what {@code plugin:remove} takes)
 * @param version its bundle version
 * @param file    the jar in {@code <home>/plugins/}
 * @param state   "active", "installed", "from the next start", or "workbench only" (in the headless shell, for a
 *                plug-in that adds to the workbench)
 */
public record PluginInfo(String name, String version, String file, String state) {
}
