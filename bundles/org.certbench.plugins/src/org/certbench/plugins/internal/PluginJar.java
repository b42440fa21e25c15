package org.certbench.plugins.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.certbench.plugins.PluginException;

/** What a jar says about itself: its bundle symbolic name and version, or why it is no bundle. */
record PluginJar(Path file, String symbolicName, String version) {

    static PluginJar read(Path file) throws PluginException {
        Manifest manifest;
        try (JarFile jar = new JarFile(file.toFile())) {
            manifest = jar.getManifest();
        } catch (IOException e) {
            throw new PluginException(file + " is not a jar file: " + e.getMessage(), e);
        }
        String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (name == null || name.isBlank()) {
            throw new PluginException(file + " is not an OSGi bundle: its manifest has no Bundle-SymbolicName."
                    + " A plug-in is a bundle built against CertBench's API (see README, Extending CertBench).");
        }
        String version = manifest.getMainAttributes().getValue("Bundle-Version");
        return new PluginJar(file, name.split(";")[0].strip(), version == null ? "0.0.0" : version.strip());
    }
}
