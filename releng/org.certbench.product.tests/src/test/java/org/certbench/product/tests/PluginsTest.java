package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plugin:install / list / remove through the headless shell, with bundles made by the test. */
class PluginsTest {

    @TempDir
    Path work;

    @Test
    void aBundleBuiltAgainstTheApiIsInstalledStartsNextTimeAndIsRemoved() throws Exception {
        Path home = work.resolve("home");
        Path plugin = bundle("com.example.certbench.plugin", "org.certbench.core;version=\"[1.0.0,2.0.0)\"");

        Command.Result installed = shell(home, "plugin:install " + plugin);
        assertEquals(0, installed.status(), installed::toString);
        assertTrue(installed.out().contains("State    from the next start"), installed.out());

        Command.Result listed = shell(home, "plugin:list");
        assertTrue(listed.out().contains("com.example.certbench.plugin") && listed.out().contains("active"), listed.out());
        assertEquals("(none)\n", shell(work.resolve("other-home"), "plugin:list").out(), "--home isolates plug-ins");

        assertEquals(0, shell(home, "plugin:remove com.example.certbench.plugin").status());
        assertEquals("(none)\n", shell(home, "plugin:list").out());

        // both changes are in the audit log, with name and version as the value after and before
        java.util.List<String> audit;
        try (var months = Files.list(home.resolve("audit"))) {
            audit = months.flatMap(month -> {
                try {
                    return Files.readAllLines(month).stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        String installedJar = home.resolve("plugins/com.example.certbench.plugin.jar").toString();
        assertEquals(2, audit.size(), String.join("\n", audit));
        assertTrue(audit.get(0).contains("\"action\":\"plugin.install\",\"object\":\"" + installedJar
                + "\",\"before\":null,\"after\":\"com.example.certbench.plugin 1.0.0\",\"result\":\"ok\""), audit.get(0));
        assertTrue(audit.get(1).contains("\"action\":\"plugin.remove\",\"object\":\"" + installedJar
                + "\",\"before\":\"com.example.certbench.plugin 1.0.0\",\"after\":null,\"result\":\"ok\""), audit.get(1));
    }

    @Test
    void refusalsSayWhyAndInstallNothing() throws Exception {
        Path home = work.resolve("home");
        Path notAJar = Files.writeString(work.resolve("notes.jar"), "not a jar");
        Path noBundle = jar("plain.jar", new Manifest());
        Path unsatisfied = bundle("com.example.needs.more", "com.example.nowhere;version=\"1.0\"");

        assertEquals("certbench-shell: " + notAJar + " is not a jar file: zip END header not found\n",
                shell(home, "plugin:install " + notAJar).err());
        assertTrue(shell(home, "plugin:install " + noBundle).err()
                .startsWith("certbench-shell: " + noBundle + " is not an OSGi bundle: its manifest has no Bundle-SymbolicName."));
        Command.Result refused = shell(home, "plugin:install " + unsatisfied);
        assertEquals(1, refused.status());
        assertTrue(refused.err().startsWith("certbench-shell: com.example.needs.more needs what this CertBench does not"
                + " provide: ") && refused.err().contains("com.example.nowhere"), refused.err());
        assertEquals("(none)\n", shell(home, "plugin:list").out());
        assertEquals("certbench-shell: no plug-in is named nothing.here (plugin:list shows the installed ones)\n",
                shell(home, "plugin:remove nothing.here").err());
    }

    @Test
    void pluginsThatAnotherUserCouldChangeAreNotLoadedAndNoneIsInstalledThere() throws Exception {
        Path home = work.resolve("home");
        Path plugin = bundle("com.example.certbench.plugin", "org.certbench.core;version=\"[1.0.0,2.0.0)\"");
        assertEquals(0, shell(home, "plugin:install " + plugin).status());
        Path plugins = home.resolve("plugins");
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxrwxr-x"));
        String why = plugins + " can be changed by the group " + Files.readAttributes(plugins,
                PosixFileAttributes.class).group().getName() + " (permissions rwxrwxr-x), who could then choose what "
                + "CertBench runs. Allow writing to its owner only (chmod go-w " + plugins + ")";

        Command.Result listed = shell(home, "plugin:list");
        assertTrue(listed.out().contains("not loaded: " + why), listed.out());
        assertTrue(!listed.out().contains("active"), listed.out());
        Command.Result refused = shell(home, "plugin:install " + bundle("com.example.second", "org.certbench.core"));
        assertEquals(1, refused.status());
        // the shell tells at its start why it loaded none, then why it installs none
        assertEquals("CertBench: the plug-ins in " + plugins + " are not loaded: " + why + "\n"
                + "certbench-shell: not installed: the plug-ins in " + plugins + " would not be loaded: " + why + "\n",
                refused.err());

        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(shell(home, "plugin:list").out().contains("active"), "loaded again once only its owner can write");
    }

    @Test
    void aPlugInImportingAnInternalPackageOfCertBenchIsRefusedInWords() throws Exception {
        Path home = work.resolve("home");
        Path internal = bundle("com.example.internal.user", "org.certbench.core;version=\"[1.0.0,2.0.0)\","
                + "org.certbench.host.internal");
        Path dynamic = bundle("com.example.dynamic.user", "org.certbench.core");
        Path withDynamic = withHeader(dynamic, "DynamicImport-Package", "org.certbench.truststore.internal.commands");

        Command.Result refused = shell(home, "plugin:install " + internal);
        assertEquals(1, refused.status(), refused::toString);
        assertEquals("certbench-shell: com.example.internal.user imports org.certbench.host.internal, which "
                + "org.certbench.host keeps internal (x-internal): a plug-in may use CertBench's API packages only "
                + "(README, Extending CertBench), anything else changes without notice. Nothing was installed.\n",
                refused.err());
        assertTrue(shell(home, "plugin:install " + withDynamic).err().startsWith("certbench-shell: "
                + "com.example.dynamic.user imports org.certbench.truststore.internal.commands, which "
                + "org.certbench.truststore keeps internal (x-internal)"));
        assertEquals("(none)\n", shell(home, "plugin:list").out());
    }

    @Test
    void aPlugInImportingTheAgentsWireProtocolIsRefusedInWords() throws Exception {
        Path home = work.resolve("home");
        Path protocolUser = bundle("com.example.protocol.user", "org.certbench.agents.protocol;version=\"[1.0,2)\"");

        Command.Result refused = shell(home, "plugin:install " + protocolUser);
        assertEquals(1, refused.status(), refused::toString);
        assertEquals("certbench-shell: com.example.protocol.user imports org.certbench.agents.protocol, which "
                + "org.certbench.agents.protocol exports only to org.certbench.agents.connector (x-friends): a plug-in "
                + "may use CertBench's API packages only (README, Extending CertBench), anything else changes without "
                + "notice. Nothing was installed.\n", refused.err());
    }

    private Path withHeader(Path jar, String header, String value) throws IOException {
        Manifest manifest;
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            manifest = file.getManifest();
        }
        manifest.getMainAttributes().putValue(header, value);
        return jar(jar.getFileName().toString(), manifest);
    }

    private Path bundle(String name, String imports) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Bundle-ManifestVersion", "2");
        attributes.putValue("Bundle-SymbolicName", name);
        attributes.putValue("Bundle-Version", "1.0.0");
        attributes.putValue("Import-Package", imports);
        return jar(name + ".jar", manifest);
    }

    private Path jar(String fileName, Manifest manifest) throws IOException {
        Path file = work.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }

    private static Command.Result shell(Path home, String command) throws Exception {
        return new Command(Products.launcher("certbench-shell"), "--home", home.toString(), command).run();
    }
}
