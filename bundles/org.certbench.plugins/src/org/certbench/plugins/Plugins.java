package org.certbench.plugins;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Install, list and remove plug-ins. Thread-safe: calls are serialised, so two installs never interleave.
 * No method returns {@code null}; each blocks for its file work, so UI code calls it from a Job.
 */
@ProviderType
public interface Plugins {

    /**
     * Checks that {@code jar} is an OSGi bundle whose requirements this product satisfies, then copies it to
     * {@code <home>/plugins/}; it starts with the next start of the workbench or the shell. Nothing is left
     * half-installed when it is refused.
     *
     * @throws PluginException if it is not a bundle, duplicates a product bundle, imports a package CertBench keeps
     *         to itself ({@code x-internal}, or {@code x-friends} not naming it), or cannot be resolved
     */
    PluginInfo install(Path jar) throws PluginException;

    /** The plug-ins in {@code <home>/plugins/}; empty when there are none. */
    List<PluginInfo> list();

    /**
     * Removes the plug-in with this bundle symbolic name: its jar is deleted and it is stopped now.
     *
     * @throws PluginException if no plug-in has that name, or its file cannot be deleted
     */
    PluginInfo remove(String name) throws PluginException;
}
