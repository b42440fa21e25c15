package org.certbench.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.certbench.plugins.PluginException;

/**
 * What a jar says about itself: its bundle symbolic name and version, or why it is no bundle; its imports; whether it is
 * a workbench plug-in, which the headless shell cannot run: a model fragment (in the manifest or plugin.xml), or
 * SWT, JFace, the Eclipse UI or CertBench's own UI among its requirements.
 */
record PluginJar(Path file, String symbolicName, String version, boolean workbenchOnly, String importPackage,
        String dynamicImportPackage) {

    private static final Pattern UI_REQUIREMENT = Pattern
            .compile("(^|[,\\s])org\\.(eclipse\\.(swt|jface|e4\\.ui|ui)|certbench\\.[\\w.]*ui)\\b"); //$NON-NLS-1$
    private static final String MODEL_EXTENSION_POINT = "org.eclipse.e4.workbench.model"; //$NON-NLS-1$

    static PluginJar read(Path file) throws PluginException {
        Manifest manifest;
        boolean modelFragment;
        try (JarFile jar = new JarFile(file.toFile())) {
            manifest = jar.getManifest();
            modelFragment = declaresModelFragment(jar);
        } catch (IOException e) {
            throw new PluginException(file + " is not a jar file: " + e.getMessage(), e);
        }
        String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (name == null || name.isBlank()) {
            throw new PluginException(file + " is not an OSGi bundle: its manifest has no Bundle-SymbolicName."
                    + " A plug-in is a bundle built against CertBench's API (see README, Extending CertBench).");
        }
        Attributes main = manifest.getMainAttributes();
        String version = main.getValue("Bundle-Version");
        boolean workbenchOnly = modelFragment || main.getValue("Model-Fragment") != null
                || UI_REQUIREMENT.matcher(String.valueOf(main.getValue("Require-Bundle"))).find()
                || UI_REQUIREMENT.matcher(String.valueOf(main.getValue("Import-Package"))).find();
        return new PluginJar(file, name.split(";")[0].strip(), version == null ? "0.0.0" : version.strip(),
                workbenchOnly, main.getValue("Import-Package"), main.getValue("DynamicImport-Package"));
    }

    private static boolean declaresModelFragment(JarFile jar) throws IOException {
        ZipEntry pluginXml = jar.getEntry("plugin.xml"); //$NON-NLS-1$
        if (pluginXml == null) {
            return false;
        }
        try (InputStream in = jar.getInputStream(pluginXml)) {
            return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8).contains(MODEL_EXTENSION_POINT);
        }
    }
}
